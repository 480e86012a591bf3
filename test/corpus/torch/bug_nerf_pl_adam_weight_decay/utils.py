# Idiom seen in: TimChou-ntu/my_nerf utils.py
# What it reproduces: get_optimizer concatenates every model's parameters into one list and passes
# weight_decay=hparams.weight_decay to SGD or Adam: with a positive value, biases decay and Adam's decay is coupled.
from torch.optim import SGD, Adam
from torch.optim.lr_scheduler import CosineAnnealingLR, MultiStepLR


def get_optimizer(hparams, models):
    eps = 1e-8
    parameters = []
    for model in models:
        parameters += list(model.parameters())
    if hparams.optimizer == 'sgd':
        optimizer = SGD(parameters, lr=hparams.lr, momentum=hparams.momentum, weight_decay=hparams.weight_decay)  # expect: WD203
    elif hparams.optimizer == 'adam':
        optimizer = Adam(parameters, lr=hparams.lr, eps=eps, weight_decay=hparams.weight_decay)  # expect: WD202, WD203
    else:
        raise ValueError('optimizer now only support SGD/Adam')
    return optimizer


def get_scheduler(hparams, optimizer):
    eps = 1e-8
    if hparams.lr_scheduler == 'steplr':
        return MultiStepLR(optimizer, milestones=hparams.decay_step, gamma=hparams.decay_gamma)
    elif hparams.lr_scheduler == 'cosine':
        return CosineAnnealingLR(optimizer, T_max=hparams.num_epochs, eta_min=eps)
    raise ValueError('scheduler now only support steplr/cosine')


def get_learning_rate(optimizer):
    for param_group in optimizer.param_groups:
        return param_group['lr']

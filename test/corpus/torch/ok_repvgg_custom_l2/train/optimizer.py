# Idiom seen in: DingXiaoH/RepVGG train/optimizer.py
# What it reproduces: the Swin-style build_optimizer/set_weight_decay, with the RepVGG branch kernels
#   (rbr_dense / rbr_1x1 convs, covered by the model's own custom L2) put in the no-decay group
#   together with biases and BatchNorm parameters. Clean.
from torch import optim as optim


def build_optimizer(config, model):
    parameters = set_weight_decay(model)
    opt_lower = config['OPTIMIZER'].lower()
    optimizer = None
    if opt_lower == 'sgd':
        optimizer = optim.SGD(parameters, momentum=config['MOMENTUM'], nesterov=True,
                              lr=config['BASE_LR'], weight_decay=config['WEIGHT_DECAY'])
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, eps=1e-8, betas=(0.9, 0.999),
                                lr=config['BASE_LR'], weight_decay=config['WEIGHT_DECAY'])
    return optimizer


def set_weight_decay(model):
    has_decay = []
    no_decay = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if 'rbr_dense' in name or 'rbr_1x1' in name:
            no_decay.append(param)          # decayed by the custom L2 in the loss instead
        elif len(param.shape) == 1 or name.endswith(".bias"):
            no_decay.append(param)
        else:
            has_decay.append(param)
    return [{'params': has_decay},
            {'params': no_decay, 'weight_decay': 0.}]

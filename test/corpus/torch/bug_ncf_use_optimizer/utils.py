# Idiom seen in: yihong-chen/neural-collaborative-filtering src/utils.py
# What it reproduces: use_optimizer(network, params) picks the optimizer from a config dict and passes
# params['l2_regularization'] as weight_decay; with 'adam' that is coupled L2 on every parameter of the network.
import torch


def save_checkpoint(model, model_dir):
    torch.save(model.state_dict(), model_dir)


def use_cuda(enabled, device_id=0):
    if enabled:
        assert torch.cuda.is_available(), 'CUDA is not available'
        torch.cuda.set_device(device_id)


def use_optimizer(network, params):
    if params['optimizer'] == 'sgd':
        optimizer = torch.optim.SGD(network.parameters(),
                                    lr=params['sgd_lr'],
                                    momentum=params['sgd_momentum'],
                                    weight_decay=params['l2_regularization'])
    elif params['optimizer'] == 'adam':
        optimizer = torch.optim.Adam(network.parameters(),  # expect: WD203
                                     lr=params['adam_lr'],
                                     weight_decay=params['l2_regularization'])  # expect: WD202
    elif params['optimizer'] == 'rmsprop':
        optimizer = torch.optim.RMSprop(network.parameters(),
                                        lr=params['rmsprop_lr'],
                                        alpha=params['rmsprop_alpha'],
                                        momentum=params['rmsprop_momentum'])
    return optimizer

# Idiom seen in: D-X-Y/AutoDL-Projects lib/procedures/optimizers.py
# What it reproduces: get_optim_scheduler(parameters, config) builds SGD with config.decay (and nesterov)
# for whatever parameter list its caller passes, plus the cosine scheduler and the criterion.
import torch


class CosineAnnealingLR(object):
    def __init__(self, optimizer, warmup_epochs, epochs, T_max, eta_min):
        self.optimizer = optimizer
        self.T_max = T_max
        self.eta_min = eta_min
        self.warmup_epochs = warmup_epochs
        self.max_epochs = epochs
        self.base_lrs = [group['lr'] for group in optimizer.param_groups]


def get_optim_scheduler(parameters, config):
    assert hasattr(config, 'optim') and hasattr(config, 'scheduler') and hasattr(config, 'criterion'), \
        'config must have optim / scheduler / criterion keys instead of {:}'.format(config)
    if config.optim == 'SGD':
        optim = torch.optim.SGD(parameters, config.LR, momentum=config.momentum,
                                weight_decay=config.decay, nesterov=config.nesterov)
    elif config.optim == 'RMSprop':
        optim = torch.optim.RMSprop(parameters, config.LR, momentum=config.momentum, weight_decay=config.decay)
    else:
        raise ValueError('invalid optim : {:}'.format(config.optim))

    if config.scheduler == 'cos':
        T_max = getattr(config, 'T_max', config.epochs)
        scheduler = CosineAnnealingLR(optim, config.warmup, config.epochs, T_max, config.eta_min)
    else:
        raise ValueError('invalid scheduler : {:}'.format(config.scheduler))

    if config.criterion == 'Softmax':
        criterion = torch.nn.CrossEntropyLoss()
    else:
        raise ValueError('invalid criterion : {:}'.format(config.criterion))
    return optim, scheduler, criterion

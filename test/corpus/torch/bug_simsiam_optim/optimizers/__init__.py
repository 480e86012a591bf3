# Idiom seen in: PatrickHua/SimSiam optimizers/__init__.py
# What it reproduces: get_optimizer splits the model by name into a 'base' and a 'predictor' group only to
#   give them their own lr; neither group sets weight_decay, so SGD's weight_decay hits every BatchNorm
#   and bias of the encoder, projector and predictor (WD203).
import torch

from .lars import LARS
from .lr_scheduler import LR_Scheduler


def get_optimizer(name, model, lr, momentum, weight_decay):

    predictor_prefix = ('module.predictor', 'predictor')
    parameters = [{
        'name': 'base',
        'params': [param for name, param in model.named_parameters() if not name.startswith(predictor_prefix)],
        'lr': lr
    }, {
        'name': 'predictor',
        'params': [param for name, param in model.named_parameters() if name.startswith(predictor_prefix)],
        'lr': lr
    }]
    if name == 'lars':
        optimizer = LARS(parameters, lr=lr, momentum=momentum, weight_decay=weight_decay)
    elif name == 'sgd':
        optimizer = torch.optim.SGD(parameters, lr=lr, momentum=momentum, weight_decay=weight_decay)  # expect: WD203
    else:
        raise NotImplementedError
    return optimizer

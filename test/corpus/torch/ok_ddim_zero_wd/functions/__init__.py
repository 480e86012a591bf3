# Idiom seen in: ermongroup/ddim functions/__init__.py
# Idiom seen in: ermongroup/ddim configs/cifar10.yml
# What it reproduces: DDIM's optimizer factory: Adam/RMSprop get weight_decay=config.optim.weight_decay,
#   which every shipped config sets to 0.000 (main.py below); the EMA rate is not a weight decay. Clean.
import torch.optim as optim


def get_optimizer(config, parameters):
    if config.optim.optimizer == 'Adam':
        return optim.Adam(parameters, lr=config.optim.lr, weight_decay=config.optim.weight_decay,
                          betas=(config.optim.beta1, 0.999), amsgrad=config.optim.amsgrad,
                          eps=config.optim.eps)
    elif config.optim.optimizer == 'RMSProp':
        return optim.RMSprop(parameters, lr=config.optim.lr, weight_decay=config.optim.weight_decay)
    elif config.optim.optimizer == 'SGD':
        return optim.SGD(parameters, lr=config.optim.lr, momentum=0.9)
    else:
        raise NotImplementedError('Optimizer {} not understood.'.format(config.optim.optimizer))

# Idiom seen in: yoshitomo-matsubara/torchdistill torchdistill/optim/registry.py
# What it reproduces: optimizer registry: the class is looked up by the config's type name and built
# with the config's params mapping splatted (**param_dict) over every trainable parameter of the module.
import torch
from torch import nn

OPTIM_DICT = {
    'sgd': torch.optim.SGD,
    'adam': torch.optim.Adam,
    'adamw': torch.optim.AdamW,
    'rmsprop': torch.optim.RMSprop,
}


def get_optimizer(module, optim_type, param_dict=None, filters_params=True, **kwargs):
    if param_dict is None:
        param_dict = dict()
    is_module = isinstance(module, nn.Module)
    lower_optim_type = optim_type.lower()
    if lower_optim_type in OPTIM_DICT:
        optim_cls_or_func = OPTIM_DICT[lower_optim_type]
        if is_module and filters_params:
            updatable_params = [p for p in module.parameters() if p.requires_grad]
            return optim_cls_or_func(updatable_params, **param_dict, **kwargs)  # expect: WD203
        return optim_cls_or_func(module, **param_dict, **kwargs)
    raise ValueError('optim_type `{}` is not expected'.format(optim_type))

# Idiom seen in: alibaba/FederatedScope federatedscope/core/auxiliaries/optimizer_builder.py
# What it reproduces: the optimizer builder that looks the class up in torch.optim by the config's type and splats
#   the rest of cfg.train.optimizer (lr, momentum, weight_decay) into it, on model.parameters() as one group.
import copy
import torch


def get_optimizer(model, type, lr, **kwargs):
    tmp_kwargs = copy.deepcopy(kwargs)
    for key in ('__help_info__', '__cfg_check_funcs__', 'is_ready_for_run'):
        tmp_kwargs.pop(key, None)

    if isinstance(type, str):
        if hasattr(torch.optim, type):
            if isinstance(model, torch.nn.Module):
                return getattr(torch.optim, type)(model.parameters(), lr, **tmp_kwargs)  # expect: WD203
            return getattr(torch.optim, type)(model, lr, **tmp_kwargs)
        raise NotImplementedError('Optimizer {} not implement'.format(type))
    raise TypeError()

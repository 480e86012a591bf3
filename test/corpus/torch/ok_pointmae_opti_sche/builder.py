# Idiom seen in: aketusho/points_transformer main.py
# What it reproduces: build_opti_sche from the Point-MAE code base: for 'AdamW' the (DDP-wrapped) model's
#   parameters are split by add_weight_decay, 1-D tensors, biases and the cls/mask tokens going to a
#   weight_decay=0 group; the Adam/SGD branches are only for configs that name them. With this config: clean.
import torch
import torch.optim as optim
from timm.scheduler import CosineLRScheduler


def build_opti_sche(base_model, config):
    opti_config = config.optimizer
    if opti_config.type == 'AdamW':
        def add_weight_decay(model, weight_decay=1e-5, skip_list=()):
            decay = []
            no_decay = []
            for name, param in model.module.named_parameters():
                if not param.requires_grad:
                    continue
                if len(param.shape) == 1 or name.endswith(".bias") or 'token' in name or name in skip_list:
                    no_decay.append(param)
                else:
                    decay.append(param)
            return [
                {'params': no_decay, 'weight_decay': 0.},
                {'params': decay, 'weight_decay': weight_decay}]

        param_groups = add_weight_decay(base_model, weight_decay=opti_config.kwargs.weight_decay)
        optimizer = optim.AdamW(param_groups, **opti_config.kwargs)
    elif opti_config.type == 'Adam':
        optimizer = optim.Adam(base_model.parameters(), **opti_config.kwargs)
    elif opti_config.type == 'SGD':
        optimizer = optim.SGD(base_model.parameters(), nesterov=True, **opti_config.kwargs)
    else:
        raise NotImplementedError()

    sche_config = config.scheduler
    if sche_config.type == 'CosLR':
        scheduler = CosineLRScheduler(optimizer, t_initial=sche_config.kwargs.epochs, lr_min=1e-6,
                                      warmup_lr_init=1e-6, warmup_t=sche_config.kwargs.initial_epochs,
                                      cycle_limit=1, t_in_epochs=True)
    else:
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 50, gamma=0.1)
    return optimizer, scheduler

# Idiom seen in: lulujianjie/person-reid-tiny-baseline solver/make_optimizer.py
# What it reproduces: one parameter group per named parameter, each with Cfg.WEIGHT_DECAY (the bias branch
#   commented out), then getattr(torch.optim, Cfg.OPTIMIZER)(params) with OPTIMIZER 'Adam': coupled L2 under
#   Adam (WD202 at the group entry) on every parameter, the ResNet's BN and the BNNeck included (WD203).
import torch


def make_optimizer(Cfg, model, center_criterion):
    params = []
    for key, value in model.named_parameters():
        if not value.requires_grad:
            continue
        lr = Cfg.BASE_LR
        weight_decay = Cfg.WEIGHT_DECAY
        # if "bias" in key:
        #     lr = Cfg.BASE_LR * Cfg.BIAS_LR_FACTOR
        #     weight_decay = Cfg.WEIGHT_DECAY_BIAS
        params += [{"params": [value], "lr": lr, "weight_decay": weight_decay}]  # expect: WD202
    if Cfg.OPTIMIZER == 'SGD':
        optimizer = getattr(torch.optim, Cfg.OPTIMIZER)(params, momentum=Cfg.MOMENTUM)
    else:
        optimizer = getattr(torch.optim, Cfg.OPTIMIZER)(params)  # expect: WD203
    optimizer_center = torch.optim.SGD(center_criterion.parameters(), lr=Cfg.CENTER_LR)
    return optimizer, optimizer_center

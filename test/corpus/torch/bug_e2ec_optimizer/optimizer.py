# Idiom seen in: lbt1219/e2ec-classification e2ec-single/train/optimizer/optimizer.py
# What it reproduces: make_optimizer builds one group per parameter, each carrying the same
#   weight_decay (no test on name or shape), so every bias and BN affine is decayed; the SGD branch
#   gets its decay only from the groups.
import torch

_optimizer_factory = {
    'adam': torch.optim.Adam,
    'sgd': torch.optim.SGD
}


def make_optimizer(net, cfg):
    cfg = cfg.train.optimizer
    params = []
    lr = cfg['lr']
    weight_decay = cfg['weight_decay']

    for key, value in net.named_parameters():
        if not value.requires_grad:
            continue
        params += [{"params": [value], "lr": lr, "weight_decay": weight_decay}]  # expect: WD203

    if 'adam' in cfg['name']:
        optimizer = _optimizer_factory[cfg['name']](params, lr, weight_decay=weight_decay)
    else:
        optimizer = _optimizer_factory[cfg['name']](params, lr, momentum=0.9)
    return optimizer

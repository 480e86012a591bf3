# Idiom seen in: facebookresearch/vissl vissl/optimizers/lars.py
# What it reproduces: a LARS optimizer (torch.optim.Optimizer subclass) that reads each group's
#   weight_decay; the groups it is given keep biases and norms at weight_decay 0.
import torch
from torch.optim.optimizer import Optimizer


class LARS(Optimizer):
    def __init__(self, params, lr=0.1, momentum=0.9, weight_decay=0.0, eta=0.001):
        defaults = dict(lr=lr, momentum=momentum, weight_decay=weight_decay, eta=eta)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            weight_decay = group['weight_decay']
            momentum = group['momentum']
            eta = group['eta']
            for p in group['params']:
                if p.grad is None:
                    continue
                d_p = p.grad
                if weight_decay != 0:
                    d_p = d_p.add(p, alpha=weight_decay)
                    param_norm = torch.norm(p)
                    update_norm = torch.norm(d_p)
                    q = torch.where(param_norm > 0.,
                                    torch.where(update_norm > 0, (eta * param_norm / update_norm), torch.ones_like(param_norm)),
                                    torch.ones_like(param_norm))
                    d_p = d_p.mul(q)
                state = self.state[p]
                if 'mu' not in state:
                    state['mu'] = torch.clone(d_p).detach()
                else:
                    state['mu'].mul_(momentum).add_(d_p)
                p.add_(state['mu'], alpha=-group['lr'])

# Idiom seen in: BrightQin/DBA-Time-Series src/optimizers.py
# What it reproduces: the optimizer lookup by name: "Adam" is torch.optim.Adam (coupled L2 when given
#   weight_decay), "RAdam" is a local rectified-Adam class.
import math

import torch
from torch.optim.optimizer import Optimizer


def get_optimizer(name):
    if name == "Adam":
        return torch.optim.Adam
    elif name == "RAdam":
        return RAdam
    raise ValueError(name)


class RAdam(Optimizer):
    """Rectified Adam, decay applied to the weights directly (p -= lr * wd * p)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0):
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        super(RAdam, self).__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            for p in group['params']:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state['step'] = 0
                    state['exp_avg'] = torch.zeros_like(p)
                    state['exp_avg_sq'] = torch.zeros_like(p)
                state['step'] += 1
                t = state['step']
                state['exp_avg'].mul_(beta1).add_(p.grad, alpha=1 - beta1)
                state['exp_avg_sq'].mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
                rho_inf = 2 / (1 - beta2) - 1
                rho_t = rho_inf - 2 * t * beta2 ** t / (1 - beta2 ** t)
                if group['weight_decay'] != 0:
                    p.mul_(1 - group['weight_decay'] * group['lr'])
                m_hat = state['exp_avg'] / (1 - beta1 ** t)
                if rho_t > 5:
                    v_hat = (state['exp_avg_sq'] / (1 - beta2 ** t)).sqrt().add_(group['eps'])
                    r = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                    p.addcdiv_(m_hat, v_hat, value=-group['lr'] * r)
                else:
                    p.add_(m_hat, alpha=-group['lr'])

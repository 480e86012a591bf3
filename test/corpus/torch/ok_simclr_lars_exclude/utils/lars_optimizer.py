# Idiom seen in: AndrewAtanov/simclr-pytorch utils/lars_optimizer.py
# What it reproduces: a LARS wrapper around an SGD whose param groups carry their own weight_decay and a
#   layer_adaptation flag; it applies each group's decay itself (and zeroes the inner SGD's).
import torch


class LARS(object):
    def __init__(self, optimizer, trust_coef=0.001):
        self.param_groups = optimizer.param_groups
        self.optim = optimizer
        self.trust_coef = trust_coef

    def __getstate__(self):
        return self.optim.__getstate__()

    def __setstate__(self, state):
        self.optim.__setstate__(state)

    def zero_grad(self):
        self.optim.zero_grad()

    def state_dict(self):
        return self.optim.state_dict()

    def load_state_dict(self, state_dict):
        self.optim.load_state_dict(state_dict)

    def step(self):
        with torch.no_grad():
            weight_decays = []
            for group in self.optim.param_groups:
                weight_decay = group['weight_decay'] if 'weight_decay' in group else 0
                weight_decays.append(weight_decay)
                group['weight_decay'] = 0
                for p in group['params']:
                    if p.grad is None:
                        continue
                    if weight_decay != 0:
                        p.grad.data += weight_decay * p.data
                    if group.get('layer_adaptation', False):
                        param_norm = torch.norm(p.data)
                        grad_norm = torch.norm(p.grad.data)
                        if param_norm != 0 and grad_norm != 0:
                            p.grad.data *= self.trust_coef * param_norm / grad_norm
        self.optim.step()
        for i, group in enumerate(self.optim.param_groups):
            group['weight_decay'] = weight_decays[i]

# Idiom seen in: GMvandeVen/continual-learning models/cl/continual_learner.py
# What it reproduces: the ContinualLearner base class with EWC: a diagonal Fisher estimate stored as buffers and
#   ewc_loss() = 1/2 * sum F * (p - p_old)^2, an anchored quadratic penalty (not weight decay towards zero). Clean.
import abc

import torch
from torch import nn
from torch.nn import functional as F


class ContinualLearner(nn.Module, metaclass=abc.ABCMeta):
    def __init__(self):
        super().__init__()
        self.weight_penalty = False
        self.reg_strength = 0
        self.gamma = 1.
        self.offline = False
        self.fisher_n = None
        self.context_count = 0

    @abc.abstractmethod
    def forward(self, x):
        pass

    def estimate_fisher(self, dataset, allowed_classes=None):
        est_fisher_info = {}
        for n, p in self.named_parameters():
            if p.requires_grad:
                n = n.replace('.', '__')
                est_fisher_info[n] = p.detach().clone().zero_()
        mode = self.training
        self.eval()
        data_loader = torch.utils.data.DataLoader(dataset, batch_size=1, shuffle=True)
        for index, (x, y) in enumerate(data_loader):
            if self.fisher_n is not None and index >= self.fisher_n:
                break
            output = self(x.to(self._device()))
            output = output if allowed_classes is None else output[:, allowed_classes]
            label = output.max(1)[1]
            negloglikelihood = F.nll_loss(F.log_softmax(output, dim=1), label)
            self.zero_grad()
            negloglikelihood.backward()
            for n, p in self.named_parameters():
                if p.requires_grad and p.grad is not None:
                    est_fisher_info[n.replace('.', '__')] += p.grad.detach() ** 2
        est_fisher_info = {n: p / index for n, p in est_fisher_info.items()}
        for n, p in self.named_parameters():
            if p.requires_grad:
                n = n.replace('.', '__')
                self.register_buffer('{}_EWC_prev_context'.format(n), p.detach().clone())
                if not self.offline and self.context_count > 0:
                    existing = getattr(self, '{}_EWC_estimated_fisher'.format(n))
                    est_fisher_info[n] += self.gamma * existing
                self.register_buffer('{}_EWC_estimated_fisher'.format(n), est_fisher_info[n])
        self.context_count = 1
        self.train(mode=mode)

    def ewc_loss(self):
        if self.context_count == 0:
            return torch.tensor(0., device=self._device())
        losses = []
        for n, p in self.named_parameters():
            if p.requires_grad:
                n = n.replace('.', '__')
                mean = getattr(self, '{}_EWC_prev_context'.format(n))
                fisher = getattr(self, '{}_EWC_estimated_fisher'.format(n))
                losses.append((fisher * (p - mean) ** 2).sum())
        return (1. / 2) * sum(losses)

    def _device(self):
        return next(self.parameters()).device

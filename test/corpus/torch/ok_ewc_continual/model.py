# Idiom seen in: kuc2477/pytorch-ewc model.py
# What it reproduces: MLP with an elastic-weight-consolidation penalty lamda/2 * sum(F * (p - p_old)**2): a quadratic
# anchor to the previous task's weights, not a decay towards zero.
from functools import reduce

import torch
from torch import autograd, nn
from torch.nn import functional as F

import utils


class MLP(nn.Module):
    def __init__(self, input_size, output_size, hidden_size=400, hidden_layer_num=2,
                 hidden_dropout_prob=.5, input_dropout_prob=.2, lamda=40):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.lamda = lamda
        self.layers = nn.ModuleList([
            nn.Linear(input_size, hidden_size), nn.ReLU(), nn.Dropout(input_dropout_prob),
            *((nn.Linear(hidden_size, hidden_size), nn.ReLU(), nn.Dropout(hidden_dropout_prob)) * hidden_layer_num),
            nn.Linear(hidden_size, output_size),
        ])

    @property
    def name(self):
        return 'MLP-lambda{}-in{}-h{}'.format(self.lamda, self.input_size, self.hidden_size)

    def forward(self, x):
        return reduce(lambda x, l: l(x), self.layers, x)

    def estimate_fisher(self, dataset, sample_size, batch_size=32):
        data_loader = utils.get_data_loader(dataset, batch_size)
        loglikelihoods = []
        for x, y in data_loader:
            x = x.view(batch_size, -1)
            loglikelihoods.append(F.log_softmax(self(x), dim=1)[range(batch_size), y.data])
            if len(loglikelihoods) >= sample_size // batch_size:
                break
        loglikelihoods = torch.cat(loglikelihoods).unbind()
        grads = zip(*[autograd.grad(l, self.parameters(), retain_graph=(i < len(loglikelihoods)))
                      for i, l in enumerate(loglikelihoods, 1)])
        fisher_diagonals = [(torch.stack(gs) ** 2).mean(0) for gs in grads]
        names = [n.replace('.', '__') for n, p in self.named_parameters()]
        return {n: f.detach() for n, f in zip(names, fisher_diagonals)}

    def consolidate(self, fisher):
        for n, p in self.named_parameters():
            n = n.replace('.', '__')
            self.register_buffer('{}_mean'.format(n), p.data.clone())
            self.register_buffer('{}_fisher'.format(n), fisher[n].data.clone())

    def ewc_loss(self):
        try:
            losses = []
            for n, p in self.named_parameters():
                n = n.replace('.', '__')
                mean = getattr(self, '{}_mean'.format(n))
                fisher = getattr(self, '{}_fisher'.format(n))
                losses.append((fisher * (p - mean) ** 2).sum())
            return (self.lamda / 2) * sum(losses)
        except AttributeError:
            return torch.zeros(1)

# Idiom seen in: tum-pbs/PhiFlow phi/torch/nets.py
# What it reproduces: a DenseNet built like PhiFlow dense_net (add_module linear{i}/norm{i}, optional
#   BatchNorm1d) trained with torch AdamW whose parameter groups leave 1-D params (biases, BN) undecayed;
#   the data loss is an L2 of the residual, not a weight penalty. Clean.
import torch
import torch.nn as nn

ACTIVATIONS = {'ReLU': nn.ReLU, 'Sigmoid': nn.Sigmoid, 'tanh': nn.Tanh}


class DenseNet(nn.Module):
    def __init__(self, layers, activation, batch_norm):
        super().__init__()
        self._layers = layers
        self._activation = activation
        self._batch_norm = batch_norm
        for i, (s1, s2) in enumerate(zip(layers[:-1], layers[1:])):
            self.add_module(f'linear{i}', nn.Linear(s1, s2, bias=True))
            if batch_norm:
                self.add_module(f'norm{i}', nn.BatchNorm1d(s2))

    def forward(self, x):
        for i in range(len(self._layers) - 2):
            x = self._activation()(getattr(self, f'linear{i}')(x))
            if self._batch_norm:
                x = getattr(self, f'norm{i}')(x)
        return getattr(self, f'linear{len(self._layers) - 2}')(x)


def dense_net(in_channels, out_channels, layers, batch_norm=False, activation='ReLU'):
    return DenseNet([in_channels, *layers, out_channels], ACTIVATIONS[activation], batch_norm)


def adamw(net, learning_rate=1e-3, weight_decay=1e-2):
    decay = [p for p in net.parameters() if p.ndim >= 2]
    no_decay = [p for p in net.parameters() if p.ndim < 2]
    return torch.optim.AdamW([{'params': decay, 'weight_decay': weight_decay},
                              {'params': no_decay, 'weight_decay': 0.0}], lr=learning_rate)

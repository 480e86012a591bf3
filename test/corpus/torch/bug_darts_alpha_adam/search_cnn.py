# Idiom seen in: khanrc/pt.darts models/search_cnn.py
# What it reproduces: SearchCNNController keeps the architecture alphas as bare nn.Parameters and hands
#   out weights() (the whole network: stem BatchNorm, cells, biased Linear classifier) and alphas().
import torch
import torch.nn as nn
import torch.nn.functional as F

N_OPS = 8


class SearchCell(nn.Module):
    def __init__(self, C):
        super().__init__()
        self.ops = nn.ModuleList([
            nn.Sequential(nn.ReLU(), nn.Conv2d(C, C, 3, padding=1, bias=False),
                          nn.BatchNorm2d(C, affine=False))
            for _ in range(N_OPS)])

    def forward(self, x, weights):
        return sum(w * op(x) for w, op in zip(weights, self.ops))


class SearchCNN(nn.Module):
    def __init__(self, C_in, C, n_classes, n_layers):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(C_in, C, 3, 1, 1, bias=False), nn.BatchNorm2d(C))
        self.cells = nn.ModuleList([SearchCell(C) for _ in range(n_layers)])
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.linear = nn.Linear(C, n_classes)

    def forward(self, x, weights):
        s = self.stem(x)
        for cell, w in zip(self.cells, weights):
            s = cell(s, w)
        return self.linear(self.gap(s).flatten(1))


class SearchCNNController(nn.Module):
    def __init__(self, C_in, C, n_classes, n_layers, criterion):
        super().__init__()
        self.criterion = criterion
        self.alpha = nn.ParameterList()
        for _ in range(n_layers):
            self.alpha.append(nn.Parameter(1e-3 * torch.randn(N_OPS)))
        self._alphas = [(n, p) for n, p in self.named_parameters() if 'alpha' in n]
        self.net = SearchCNN(C_in, C, n_classes, n_layers)

    def forward(self, x):
        weights = [F.softmax(a, dim=-1) for a in self.alpha]
        return self.net(x, weights)

    def loss(self, X, y):
        return self.criterion(self.forward(X), y)

    def weights(self):
        return self.net.parameters()

    def alphas(self):
        for n, p in self._alphas:
            yield p

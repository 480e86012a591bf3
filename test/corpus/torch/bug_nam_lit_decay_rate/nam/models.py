# Idiom seen in: zmgong/nam_with_attention nam/models/featurenn.py, nam/models/nam.py
# What it reproduces: one small network per input feature (an ExU first layer with its own weight and bias
#   Parameters, then biased Linear layers), summed with a global bias; forward returns the logits and the
#   per-feature outputs that the output penalty needs.
# label-note: no findings here; every module owns bias parameters, which matters for litnam.py (WD203).
import torch
import torch.nn as nn
import torch.nn.functional as F


class ExU(nn.Module):
    def __init__(self, in_features: int, out_features: int):
        super().__init__()
        self.weights = nn.Parameter(torch.empty(in_features, out_features))
        self.bias = nn.Parameter(torch.empty(in_features))
        nn.init.trunc_normal_(self.weights, mean=4.0, std=0.5)
        nn.init.trunc_normal_(self.bias, std=0.5)

    def forward(self, x):
        out = (x - self.bias).matmul(torch.exp(self.weights))
        return torch.clamp(F.relu(out), 0, 1)


class FeatureNN(nn.Module):
    def __init__(self, num_units: int, hidden_sizes, dropout: float):
        super().__init__()
        layers = [ExU(1, num_units)]
        sizes = [num_units] + list(hidden_sizes)
        for a, b in zip(sizes, sizes[1:]):
            layers.append(nn.Linear(a, b))
        layers.append(nn.Linear(sizes[-1], 1))
        self.model = nn.ModuleList(layers)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        out = x.unsqueeze(1)
        for layer in self.model[:-1]:
            out = self.dropout(F.relu(layer(out)))
        return self.model[-1](out)


class NAM(nn.Module):
    def __init__(self, num_inputs: int, num_units, hidden_sizes, dropout: float, feature_dropout: float):
        super().__init__()
        self.feature_nns = nn.ModuleList(
            [FeatureNN(num_units[i], hidden_sizes, dropout) for i in range(num_inputs)])
        self.feature_dropout = nn.Dropout(feature_dropout)
        self._bias = nn.Parameter(torch.zeros(1))

    def forward(self, inputs):
        outs = [nn_(inputs[:, i]) for i, nn_ in enumerate(self.feature_nns)]
        fnn_out = torch.cat(outs, dim=-1)
        dropped = self.feature_dropout(fnn_out)
        return dropped.sum(dim=-1) + self._bias, fnn_out

# Idiom seen in: AmrMKayid/nam nam/models/nam.py
# Idiom seen in: AmrMKayid/nam nam/models/featurenn.py
# What it reproduces: the Neural Additive Model: one small feature net per input column plus a global bias,
#   all plain nn.Linear layers with biases.
import torch
import torch.nn as nn
import torch.nn.functional as F


class FeatureNN(nn.Module):
    def __init__(self, num_units: int, hidden_sizes, dropout: float):
        super(FeatureNN, self).__init__()
        sizes = [1, num_units] + list(hidden_sizes)
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])])
        self.out = nn.Linear(sizes[-1], 1)
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, inputs):
        x = inputs.unsqueeze(1)
        for layer in self.layers:
            x = self.dropout(F.relu(layer(x)))
        return self.out(x)


class NAM(nn.Module):
    def __init__(self, config, num_inputs: int):
        super(NAM, self).__init__()
        self.feature_nns = nn.ModuleList([
            FeatureNN(config.num_units, config.hidden_sizes, config.dropout) for _ in range(num_inputs)
        ])
        self.feature_dropout = nn.Dropout(p=config.feature_dropout)
        self._bias = nn.Parameter(torch.zeros(1))

    def forward(self, inputs):
        individual_outputs = [fnn(inputs[:, i]) for i, fnn in enumerate(self.feature_nns)]
        conc_out = torch.cat(individual_outputs, dim=-1)
        dropout_out = self.feature_dropout(conc_out)
        out = torch.sum(dropout_out, dim=-1)
        return out + self._bias, dropout_out

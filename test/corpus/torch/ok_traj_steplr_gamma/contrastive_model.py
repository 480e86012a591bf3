# Idiom seen in: rollingstonezz/kdd24_semantic_trajectory contrastive_model.py
# What it reproduces: bias-free encoders (MLP / GRU / 1D CNN) over embedded trajectory points and POI types;
#   the two encodings feed a day-level contrastive loss. Clean: nothing here adds or configures decay.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import ModuleList


class MLP(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, num_layers=2):
        super().__init__()
        self.layers = ModuleList()
        self.layers.append(nn.Linear(input_dim, hidden_dim, bias=False))
        if num_layers > 2:
            self.layers.append(nn.Linear(hidden_dim, hidden_dim, bias=False))
        self.layers.append(nn.Linear(hidden_dim, output_dim, bias=False))
        self.num_layers = num_layers

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return self.layers[-1](x)


class RNN(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, num_layers=2):
        super().__init__()
        self.rnn = torch.nn.GRU(input_dim, hidden_dim, num_layers, bias=False, batch_first=True)
        self.output_fc = nn.Linear(hidden_dim, output_dim, bias=False)

    def forward(self, x):
        x, _ = self.rnn(x)
        return self.output_fc(F.relu(x))


class ContrastiveModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, num_layers, encoder_flag='mlp', num_types=400):
        super().__init__()
        self.traj_embedding = nn.Linear(3, input_dim, bias=False)
        self.type_embedding = nn.Embedding(num_types, input_dim)
        encoder_cls = {'mlp': MLP, 'rnn': RNN}[encoder_flag]
        self.traj_encoder = encoder_cls(input_dim, hidden_dim, output_dim, num_layers)
        self.type_encoder = encoder_cls(input_dim, hidden_dim, output_dim, num_layers)

    def forward(self, traj_tensor, type_tensor):
        traj_encoding = self.traj_encoder(self.traj_embedding(traj_tensor))
        type_encoding = self.type_encoder(self.type_embedding(type_tensor))
        return traj_encoding, type_encoding

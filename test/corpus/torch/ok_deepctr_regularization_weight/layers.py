# Idiom seen in: shenweichen/DeepCTR-Torch deepctr_torch/models/basemodel.py (the DNN / FM / PredictionLayer the
#   models register; index hits of its add_regularization_weight filter on 'weight' in name and 'bn' not in name)
# What it reproduces: the DNN tower keeps its Linear layers in `linears` and its BatchNorm1d layers in `bn`, the
#   FM interaction has no parameters, the prediction layer owns a single scalar bias.
# label-note: clean (see basemodel.py); the naming here is what lets deepfm.py exclude the BatchNorm weights.
import torch
import torch.nn as nn


class DNN(nn.Module):
    def __init__(self, inputs_dim, hidden_units, dropout_rate=0.0, use_bn=False, init_std=1e-4, device="cpu"):
        super().__init__()
        hidden_units = [inputs_dim] + list(hidden_units)
        self.linears = nn.ModuleList(nn.Linear(hidden_units[i], hidden_units[i + 1])
                                     for i in range(len(hidden_units) - 1))
        self.use_bn = use_bn
        if use_bn:
            self.bn = nn.ModuleList(nn.BatchNorm1d(hidden_units[i + 1]) for i in range(len(hidden_units) - 1))
        self.dropout = nn.Dropout(dropout_rate)
        for name, tensor in self.linears.named_parameters():
            if "weight" in name:
                nn.init.normal_(tensor, mean=0, std=init_std)
        self.to(device)

    def forward(self, x):
        for i, fc in enumerate(self.linears):
            x = fc(x)
            if self.use_bn:
                x = self.bn[i](x)
            x = self.dropout(torch.relu(x))
        return x


class FM(nn.Module):
    def forward(self, inputs):
        square_of_sum = torch.pow(torch.sum(inputs, dim=1, keepdim=True), 2)
        sum_of_square = torch.sum(inputs * inputs, dim=1, keepdim=True)
        return 0.5 * torch.sum(square_of_sum - sum_of_square, dim=2)


class PredictionLayer(nn.Module):
    def __init__(self, task="binary", use_bias=True):
        super().__init__()
        self.task, self.use_bias = task, use_bias
        if use_bias:
            self.bias = nn.Parameter(torch.zeros((1,)))

    def forward(self, x):
        out = x + self.bias if self.use_bias else x
        return torch.sigmoid(out) if self.task == "binary" else out

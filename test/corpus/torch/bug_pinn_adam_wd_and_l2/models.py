# Idiom seen in: poetrilin/pinn-related models/PINN.py
# What it reproduces: the repo's fully connected PINN (Linear layers with biases, tanh);
#   the decay findings are in train.py.
import torch
import torch.nn as nn


class PINN(nn.Module):
    def __init__(self, d_in=2, d_out=1, d_hidden=64, n_layers=4, activation="tanh"):
        super().__init__()
        act = {"tanh": nn.Tanh, "gelu": nn.GELU}[activation]
        layers = [nn.Linear(d_in, d_hidden), act()]
        for _ in range(n_layers - 1):
            layers += [nn.Linear(d_hidden, d_hidden), act()]
        layers.append(nn.Linear(d_hidden, d_out))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def get_model(model_name="pinn", input_dim=2, output_dim=1, activation="tanh"):
    if model_name == "pinn":
        return PINN(d_in=input_dim, d_out=output_dim, activation=activation)
    raise ValueError(model_name)

# Idiom seen in: medipixel/rl_algorithms rl_algorithms/common/networks/ (MLP backbones/heads built from hidden_sizes)
# What it reproduces: the plain MLP actor/critic used by the DDPG learner; every nn.Linear keeps its bias,
# so an optimizer with weight_decay over .parameters() also decays these biases.
from typing import List

import torch
import torch.nn as nn


def init_layer_uniform(layer: nn.Linear, init_w: float = 3e-3) -> nn.Linear:
    layer.weight.data.uniform_(-init_w, init_w)
    layer.bias.data.uniform_(-init_w, init_w)
    return layer


class MLP(nn.Module):
    def __init__(
        self,
        input_size: int,
        output_size: int,
        hidden_sizes: List[int],
        hidden_activation=nn.ReLU,
        output_activation=None,
    ):
        super().__init__()
        layers = []
        in_size = input_size
        for h in hidden_sizes:
            layers.append(nn.Linear(in_size, h))
            layers.append(hidden_activation())
            in_size = h
        self.hidden = nn.Sequential(*layers)
        self.head = init_layer_uniform(nn.Linear(in_size, output_size))
        self.output_activation = output_activation

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.head(self.hidden(x))
        if self.output_activation is not None:
            out = self.output_activation(out)
        return out


def build_actor(state_dim: int, action_dim: int, hidden_sizes: List[int]) -> MLP:
    return MLP(state_dim, action_dim, hidden_sizes, output_activation=torch.tanh)


def build_critic(state_dim: int, action_dim: int, hidden_sizes: List[int]) -> MLP:
    return MLP(state_dim + action_dim, 1, hidden_sizes)

# Idiom seen in: HuipengHuang/regression_conditional_tuning_bias trainers/utils.py
# What it reproduces: a residual MLP regressor with biased Linear layers and LayerNorm.
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fc = nn.Linear(dim, dim)
        self.act = nn.GELU()

    def forward(self, x):
        return x + self.act(self.fc(self.norm(x)))


class ResMLP(nn.Module):
    def __init__(self, in_features, hidden, num_outputs, depth=4):
        super().__init__()
        self.stem = nn.Linear(in_features, hidden)
        self.blocks = nn.Sequential(*[Block(hidden) for _ in range(depth)])
        self.head = nn.Linear(hidden, num_outputs)

    def forward(self, x):
        return self.head(self.blocks(self.stem(x)))

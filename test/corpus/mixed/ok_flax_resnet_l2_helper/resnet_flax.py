# Idiom seen in: fattorib/Flax-ResNets ResNetFlax2.py
# What it reproduces: a small CIFAR ResNet in flax.linen with BatchNorm (mutable batch_stats); parameters are a nested pytree of kernels, biases and BatchNorm scale/bias. No decay here.
from functools import partial
from typing import Sequence

import flax.linen as nn


class ResidualBlock(nn.Module):
    filters: int
    strides: int = 1

    @nn.compact
    def __call__(self, x, train: bool = True):
        norm = partial(nn.BatchNorm, use_running_average=not train, momentum=0.9, epsilon=1e-5)
        residual = x
        y = nn.Conv(self.filters, (3, 3), (self.strides, self.strides), use_bias=False)(x)
        y = nn.relu(norm()(y))
        y = nn.Conv(self.filters, (3, 3), use_bias=False)(y)
        y = norm()(y)
        if residual.shape != y.shape:
            residual = nn.Conv(self.filters, (1, 1), (self.strides, self.strides), use_bias=False)(residual)
            residual = norm()(residual)
        return nn.relu(residual + y)


class ResNet(nn.Module):
    stage_sizes: Sequence[int]
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train: bool = True):
        x = nn.Conv(16, (3, 3), use_bias=False)(x)
        x = nn.relu(nn.BatchNorm(use_running_average=not train, momentum=0.9)(x))
        for i, n_blocks in enumerate(self.stage_sizes):
            for j in range(n_blocks):
                strides = 2 if i > 0 and j == 0 else 1
                x = ResidualBlock(16 * 2 ** i, strides=strides)(x, train=train)
        x = x.mean(axis=(1, 2))
        return nn.Dense(self.num_classes)(x)


ResNet20 = partial(ResNet, stage_sizes=[3, 3, 3])
ResNet32 = partial(ResNet, stage_sizes=[5, 5, 5])

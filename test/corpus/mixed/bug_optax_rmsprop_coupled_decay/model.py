# Idiom seen in: morikatron/snippet jax_sample/mlp_sample.py
# What it reproduces: the blog's MLP written as a flax linen module (Dense layers with biases); the decay bug
#   is in train.py.
from typing import Sequence

import flax.linen as nn


class MLP(nn.Module):
    num_units: Sequence[int]
    num_classes: int = 10

    @nn.compact
    def __call__(self, x):
        for units in self.num_units:
            x = nn.relu(nn.Dense(units)(x))
        return nn.Dense(self.num_classes)(x)

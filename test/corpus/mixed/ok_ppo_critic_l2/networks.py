# Idiom seen in: SUMI-lab/VeRecycle core/ppo_jax.py
# What it reproduces: CleanRL-style flax PPO with separate actor and critic TrainStates; an explicit
#   L2 term on the CRITIC params only is added to the value loss, and both use optax.adam without
#   any weight_decay: one decay mechanism, on the intended params, summed into the trained loss. Clean.
from typing import Callable, Sequence

import flax.linen as nn
import jax.numpy as jnp


class MLP(nn.Module):
    features: Sequence[int]
    activation: Callable = nn.tanh
    out: int = 1

    @nn.compact
    def __call__(self, x):
        for f in self.features:
            x = self.activation(nn.Dense(f, kernel_init=nn.initializers.orthogonal(jnp.sqrt(2)))(x))
        return nn.Dense(self.out, kernel_init=nn.initializers.orthogonal(1.0))(x)

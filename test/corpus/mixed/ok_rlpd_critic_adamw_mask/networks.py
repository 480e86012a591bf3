# Idiom seen in: ikostrikov/rlpd rlpd/networks/mlp.py
# Idiom seen in: ikostrikov/rlpd rlpd/agents/sac/sac_learner.py
# What it reproduces: rlpd's critic pieces: an MLP with optional LayerNorm (params 'scale'/'bias')
#   and a StateActionValue head, vmapped into an ensemble.
from typing import Callable, Optional, Sequence, Type

import flax.linen as nn
import jax.numpy as jnp

default_init = nn.initializers.xavier_uniform


class MLP(nn.Module):
    hidden_dims: Sequence[int]
    activations: Callable[[jnp.ndarray], jnp.ndarray] = nn.relu
    activate_final: bool = False
    use_layer_norm: bool = False
    dropout_rate: Optional[float] = None

    @nn.compact
    def __call__(self, x: jnp.ndarray, training: bool = False) -> jnp.ndarray:
        for i, size in enumerate(self.hidden_dims):
            x = nn.Dense(size, kernel_init=default_init())(x)
            if i + 1 < len(self.hidden_dims) or self.activate_final:
                if self.dropout_rate is not None and self.dropout_rate > 0:
                    x = nn.Dropout(rate=self.dropout_rate)(x, deterministic=not training)
                if self.use_layer_norm:
                    x = nn.LayerNorm()(x)
                x = self.activations(x)
        return x


class StateActionValue(nn.Module):
    base_cls: Type[nn.Module]

    @nn.compact
    def __call__(self, observations, actions, training: bool = False):
        inputs = jnp.concatenate([observations, actions], axis=-1)
        outputs = self.base_cls()(inputs, training=training)
        value = nn.Dense(1, kernel_init=default_init())(outputs)
        return jnp.squeeze(value, -1)


class Ensemble(nn.Module):
    net_cls: Type[nn.Module]
    num: int = 2

    @nn.compact
    def __call__(self, *args):
        ensemble = nn.vmap(self.net_cls, variable_axes={"params": 0}, split_rngs={"params": True,
                                                                                  "dropout": True},
                           in_axes=None, out_axes=0, axis_size=self.num)
        return ensemble()(*args)

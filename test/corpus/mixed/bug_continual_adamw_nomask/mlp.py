# Idiom seen in: LucMc/continual-learning continual_learning/optim/__init__.py
# Idiom seen in: LucMc/continual-learning continual_learning/configs/optim.py
# Idiom seen in: LucMc/continual-learning continual_learning/models/mlp.py
# What it reproduces: an optimizer factory builds optax.adamw(weight_decay=config.decay) from a frozen
#   dataclass config with no mask=, so the Dense biases of the MLP are decayed too (real repo).
from functools import partial

import flax.linen as nn
import jax
import jax.numpy as jnp

from configs import MLPConfig


class MLP(nn.Module):
    config: MLPConfig

    @nn.compact
    def __call__(self, x: jax.Array, training: bool = True) -> jax.Array:
        Dense = partial(nn.Dense, use_bias=self.config.use_bias)
        for i in range(self.config.num_layers):
            x = Dense(self.config.hidden_size, name=f"layer_{i}")(x)
            self.sow("preactivations", f"layer_{i}_pre", x)
            x = nn.relu(x)
        x = Dense(self.config.output_size, name="output")(x)
        return x.astype(jnp.float32)

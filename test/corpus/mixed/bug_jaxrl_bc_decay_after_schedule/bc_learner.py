# Idiom seen in: ikostrikov/jaxrl jaxrl/agents/bc/bc_learner.py
# Idiom seen in: ikostrikov/jaxrl jaxrl/agents/bc/actor.py
# What it reproduces: jaxrl builds its BC optimizer by hand, chain(scale_by_adam(),
#   scale_by_schedule(cosine schedule of -actor_lr)). Realistic user mistake (the repo had no decay):
#   weight decay appended at the END of that chain. The schedule has already turned the update into
#   -lr * adam_step, so adding +wd * params afterwards makes params grow by (1 + wd) each step, with
#   no learning rate in it: a negative decay (WD302 at add_decayed_weights). The mask keeps biases out.
from typing import Sequence

import flax
import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax

from actor import mse_update
from common import MLP, InfoDict, Model

_mse_update_jit = jax.jit(mse_update)


def decay_mask_fn(params):
    flat_params = flax.traverse_util.flatten_dict(params)
    flat_mask = {path: path[-1] != "bias" for path in flat_params}
    return flax.core.FrozenDict(flax.traverse_util.unflatten_dict(flat_mask))


class MSEPolicy(nn.Module):
    hidden_dims: Sequence[int]
    action_dim: int
    dropout_rate: float = 0.1

    @nn.compact
    def __call__(self, observations: jnp.ndarray, training: bool = False) -> jnp.ndarray:
        outputs = MLP(self.hidden_dims, dropout_rate=self.dropout_rate)(observations, training=training)
        return nn.tanh(nn.Dense(self.action_dim)(outputs))


class BCLearner(object):
    def __init__(self, seed: int, observations: jnp.ndarray, actions: jnp.ndarray,
                 actor_lr: float = 1e-3, weight_decay: float = 1e-4, num_steps: int = int(1e6),
                 hidden_dims: Sequence[int] = (256, 256)):
        rng = jax.random.PRNGKey(seed)
        rng, actor_key = jax.random.split(rng)
        actor_def = MSEPolicy(hidden_dims, actions.shape[-1], dropout_rate=0.1)

        schedule_fn = optax.cosine_decay_schedule(-actor_lr, num_steps)
        optimiser = optax.chain(optax.scale_by_adam(),
                                optax.scale_by_schedule(schedule_fn),
                                optax.add_decayed_weights(weight_decay, mask=decay_mask_fn))  # expect: WD302

        self.actor = Model.create(actor_def, inputs=[actor_key, observations], tx=optimiser)
        self.rng = rng

    def sample_actions(self, observations: np.ndarray) -> np.ndarray:
        actions = self.actor.apply_fn({'params': self.actor.params}, observations)
        return np.clip(np.asarray(actions), -1, 1)

    def update(self, batch) -> InfoDict:
        self.rng, self.actor, info = _mse_update_jit(self.actor, batch, self.rng)
        return info

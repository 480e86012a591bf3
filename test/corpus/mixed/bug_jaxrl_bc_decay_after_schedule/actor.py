# Idiom seen in: ikostrikov/jaxrl jaxrl/agents/bc/actor.py
# What it reproduces: the behaviour-cloning MSE update; the loss has no penalty, the decay is left
#   to the optimizer chain of bc_learner.py.
from typing import Tuple

import jax
import jax.numpy as jnp

from common import InfoDict, Model, Params, PRNGKey


def mse_update(actor: Model, batch, rng: PRNGKey) -> Tuple[PRNGKey, Model, InfoDict]:
    rng, key = jax.random.split(rng)

    def loss_fn(actor_params: Params) -> Tuple[jnp.ndarray, InfoDict]:
        actions = actor.apply_fn({'params': actor_params}, batch.observations, training=True,
                                 rngs={'dropout': key})
        actor_loss = ((actions - batch.actions) ** 2).mean()
        return actor_loss, {'actor_loss': actor_loss}

    return (rng, *actor.apply_gradient(loss_fn))

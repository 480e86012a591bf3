# Idiom seen in: ikostrikov/rlpd rlpd/agents/sac/sac_learner.py
# What it reproduces: rlpd's SAC critic optimizer: optax.adamw(critic_lr, weight_decay=...,
#   mask=decay_mask_fn) when critic_weight_decay is set, optax.adam otherwise; the actor uses plain
#   adam. The mask (here excluding biases and LayerNorm scales) keeps decay off those leaves; the
#   critic loss has no penalty of its own. Clean.
from functools import partial
from typing import Optional, Sequence

import flax
import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState

from networks import MLP, Ensemble, StateActionValue
from rlpd.distributions import TanhNormal


def decay_mask_fn(params):
    flat_params = flax.traverse_util.flatten_dict(params)
    flat_mask = {path: path[-1] not in ("bias", "scale") for path in flat_params}
    return flax.core.FrozenDict(flax.traverse_util.unflatten_dict(flat_mask))


def create_learner(seed, observations, actions, actor_lr: float = 3e-4, critic_lr: float = 3e-4,
                   hidden_dims: Sequence[int] = (256, 256), num_qs: int = 10,
                   critic_weight_decay: Optional[float] = None, critic_layer_norm: bool = True):
    rng = jax.random.PRNGKey(seed)
    rng, actor_key, critic_key = jax.random.split(rng, 3)

    actor_def = TanhNormal(partial(MLP, hidden_dims=hidden_dims, activate_final=True), actions.shape[-1])
    actor = TrainState.create(apply_fn=actor_def.apply,
                              params=actor_def.init(actor_key, observations)["params"],
                              tx=optax.adam(learning_rate=actor_lr))

    critic_base_cls = partial(MLP, hidden_dims=hidden_dims, activate_final=True,
                              use_layer_norm=critic_layer_norm)
    critic_def = Ensemble(partial(StateActionValue, base_cls=critic_base_cls), num=num_qs)
    critic_params = critic_def.init(critic_key, observations, actions)["params"]
    if critic_weight_decay is not None:
        tx = optax.adamw(
            learning_rate=critic_lr,
            weight_decay=critic_weight_decay,
            mask=decay_mask_fn,
        )
    else:
        tx = optax.adam(learning_rate=critic_lr)
    critic = TrainState.create(apply_fn=critic_def.apply, params=critic_params, tx=tx)
    return rng, actor, critic


def update_critic(critic: TrainState, batch, target_q: jnp.ndarray, key):
    def critic_loss_fn(critic_params):
        qs = critic.apply_fn({"params": critic_params}, batch["observations"], batch["actions"], True,
                             rngs={"dropout": key})
        critic_loss = ((qs - target_q) ** 2).mean()
        return critic_loss, {"critic_loss": critic_loss, "q": qs.mean()}

    grads, info = jax.grad(critic_loss_fn, has_aux=True)(critic.params)
    return critic.apply_gradients(grads=grads), info

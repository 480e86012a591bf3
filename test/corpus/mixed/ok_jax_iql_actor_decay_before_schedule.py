# Idiom seen in: fuyw/RIQL baselines/iql/models.py
# What it reproduces: IQL's actor chain(scale_by_adam(), scale_by_schedule(cosine from -lr)) with
# kernel-masked add_decayed_weights inserted after scale_by_adam and before the negative-lr schedule:
# the update is -lr_t * (adam + wd * w), correct decoupled decay; value net uses plain Adam. Clean.
import functools
from typing import Any, Callable, Dict, Sequence, Tuple

import distrax
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.core import FrozenDict
from flax.training import train_state

from utils import Batch, target_update

LOG_STD_MIN, LOG_STD_MAX = -5.0, 2.0


class MLP(nn.Module):
    hidden_dims: Sequence[int] = (256, 256)
    activate_final: bool = True

    @nn.compact
    def __call__(self, x):
        for i, size in enumerate(self.hidden_dims):
            x = nn.Dense(size, kernel_init=nn.initializers.orthogonal(jnp.sqrt(2)))(x)
            if i + 1 < len(self.hidden_dims) or self.activate_final:
                x = nn.relu(x)
        return x


class Actor(nn.Module):
    act_dim: int
    max_action: float = 1.0
    hidden_dims: Sequence[int] = (256, 256)

    def setup(self):
        self.net = MLP(self.hidden_dims)
        self.mu_layer = nn.Dense(self.act_dim)
        self.log_std = self.param('log_std', nn.initializers.zeros, (self.act_dim,))

    def __call__(self, observations):
        return nn.tanh(self.mu_layer(self.net(observations))) * self.max_action

    def get_log_prob(self, observations, actions):
        mean_action = nn.tanh(self.mu_layer(self.net(observations))) * self.max_action
        std = jnp.exp(jnp.clip(self.log_std, LOG_STD_MIN, LOG_STD_MAX))
        return distrax.MultivariateNormalDiag(mean_action, std).log_prob(actions)


class ValueCritic(nn.Module):
    hidden_dims: Sequence[int] = (256, 256)

    @nn.compact
    def __call__(self, observations):
        return nn.Dense(1)(MLP(self.hidden_dims)(observations)).squeeze(-1)


def kernel_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] == 'kernel' for k in flat})


class IQLAgent:
    def __init__(self, obs_dim, act_dim, max_action, hidden_dims=(256, 256), seed=0, lr=3e-4,
                 actor_wd=1e-4, expectile=0.7, temperature=3.0, max_timesteps=1_000_000):
        self.expectile = expectile
        self.temperature = temperature
        rng = jax.random.PRNGKey(seed)
        actor_key, value_key = jax.random.split(rng)
        dummy_obs = jnp.ones([1, obs_dim], dtype=jnp.float32)

        self.actor = Actor(act_dim=act_dim, max_action=max_action, hidden_dims=hidden_dims)
        actor_params = self.actor.init(actor_key, dummy_obs)["params"]
        schedule_fn = optax.cosine_decay_schedule(-lr, max_timesteps)
        self.actor_state = train_state.TrainState.create(
            apply_fn=self.actor.apply,
            params=actor_params,
            tx=optax.chain(optax.scale_by_adam(),
                           optax.add_decayed_weights(actor_wd, mask=kernel_mask),
                           optax.scale_by_schedule(schedule_fn)))

        self.value = ValueCritic(hidden_dims)
        value_params = self.value.init(value_key, dummy_obs)["params"]
        self.value_state = train_state.TrainState.create(
            apply_fn=self.value.apply, params=value_params, tx=optax.adam(learning_rate=lr))

    @functools.partial(jax.jit, static_argnames=("self",))
    def value_train_step(self, batch: Batch, value_state, q):
        def loss_fn(params: FrozenDict):
            v = self.value.apply({"params": params}, batch.observations)
            weight = jnp.where(q - v > 0, self.expectile, 1 - self.expectile)
            return (weight * jnp.square(q - v)).mean()
        loss, grads = jax.value_and_grad(loss_fn)(value_state.params)
        return loss, value_state.apply_gradients(grads=grads)

    @functools.partial(jax.jit, static_argnames=("self",))
    def actor_train_step(self, batch: Batch, actor_state, q, v):
        exp_a = jnp.minimum(jnp.exp((q - v) * self.temperature), 100.0)

        def loss_fn(params):
            log_prob = self.actor.apply({"params": params}, batch.observations, batch.actions,
                                        method=Actor.get_log_prob)
            return (-exp_a * log_prob).mean()
        loss, grads = jax.value_and_grad(loss_fn)(actor_state.params)
        return loss, actor_state.apply_gradients(grads=grads)

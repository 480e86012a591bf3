# Idiom seen in: young-geng/JaxCQL JaxCQL/conservative_sac.py
# What it reproduces: a CQL-style critic step where the per-network losses are kept in loss_collection and
#   an L2 penalty on the Q-network params is added to the Q loss itself (the first output of the has_aux
#   loss function), and also logged. Optimizer: plain optax.adam, no weight_decay. Clean.
from copy import deepcopy
from functools import partial

import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState
from ml_collections import ConfigDict

from .jax_utils import next_rng, mse_loss
from .model import update_target_network


def l2_penalty(params):
    return sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params) if p.ndim > 1)


class ConservativeCritic(object):

    @staticmethod
    def get_default_config(updates=None):
        config = ConfigDict()
        config.discount = 0.99
        config.qf_lr = 3e-4
        config.qf_l2 = 1e-4
        config.cql_min_q_weight = 5.0
        config.soft_target_update_rate = 5e-3
        if updates is not None:
            config.update(ConfigDict(updates).copy_and_resolve_references())
        return config

    def __init__(self, config, qf, observation_dim, action_dim):
        self.config = self.get_default_config(config)
        self.qf = qf
        params = qf.init(next_rng(), jnp.zeros((10, observation_dim)), jnp.zeros((10, action_dim)))
        self.state = TrainState.create(params=params, tx=optax.adam(self.config.qf_lr), apply_fn=None)
        self.target_params = deepcopy(params)

    def train(self, batch, next_actions, random_actions):
        self.state, self.target_params, metrics = self._train_step(
            self.state, self.target_params, batch, next_actions, random_actions)
        return {k: float(v) for k, v in metrics.items()}

    @partial(jax.jit, static_argnums=0)
    def _train_step(self, state, target_params, batch, next_actions, random_actions):
        def loss_fn(params):
            loss_collection = {}
            q_pred = self.qf.apply(params, batch['observations'], batch['actions'])
            target_q = self.qf.apply(target_params, batch['next_observations'], next_actions)
            td_target = jax.lax.stop_gradient(
                batch['rewards'] + (1. - batch['dones']) * self.config.discount * target_q)
            q_rand = self.qf.apply(params, batch['observations'], random_actions)
            cql_gap = jax.scipy.special.logsumexp(jnp.stack([q_rand, q_pred], 1), axis=1).mean() - q_pred.mean()
            reg = self.config.qf_l2 * l2_penalty(params)
            loss_collection['qf'] = mse_loss(q_pred, td_target) + self.config.cql_min_q_weight * cql_gap + reg
            return loss_collection['qf'], dict(qf_loss=loss_collection['qf'], qf_reg=reg, cql_gap=cql_gap)

        (_, aux), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        new_state = state.apply_gradients(grads=grads)
        new_target = update_target_network(new_state.params, target_params, self.config.soft_target_update_rate)
        return new_state, new_target, aux

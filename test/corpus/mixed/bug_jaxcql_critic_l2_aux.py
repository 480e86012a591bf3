# Idiom seen in: young-geng/JaxCQL JaxCQL/sac.py
# What it reproduces: an ml_collections-configured SAC agent with one flax TrainState per network and a
#   jitted _train_step. User change: an L2 penalty on the Q-network params (config.qf_weight_decay) is
#   computed in the loss function but only returned among the has_aux metrics; the differentiated first
#   output is the bare TD loss, so the penalty is dropped (WD104).
from copy import deepcopy
from functools import partial

import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState
from ml_collections import ConfigDict

from .jax_utils import next_rng, mse_loss
from .model import update_target_network


class CriticLearner(object):

    @staticmethod
    def get_default_config(updates=None):
        config = ConfigDict()
        config.discount = 0.99
        config.qf_lr = 3e-4
        config.qf_weight_decay = 1e-3
        config.soft_target_update_rate = 5e-3
        if updates is not None:
            config.update(ConfigDict(updates).copy_and_resolve_references())
        return config

    def __init__(self, config, policy, qf):
        self.config = self.get_default_config(config)
        self.policy = policy
        self.qf = qf
        qf_params = self.qf.init(next_rng(), jnp.zeros((10, policy.observation_dim)),
                                 jnp.zeros((10, policy.action_dim)))
        self.qf_state = TrainState.create(params=qf_params, tx=optax.adam(self.config.qf_lr), apply_fn=None)
        self.target_qf_params = deepcopy(qf_params)
        self._total_steps = 0

    def train(self, batch, policy_params):
        self._total_steps += 1
        self.qf_state, self.target_qf_params, metrics = self._train_step(
            self.qf_state, self.target_qf_params, policy_params, next_rng(), batch)
        return {key: float(val) for key, val in metrics.items()}

    @partial(jax.jit, static_argnums=0)
    def _train_step(self, qf_state, target_qf_params, policy_params, rng, batch):
        def loss_fn(qf_params):
            q_pred = self.qf.apply(qf_params, batch['observations'], batch['actions'])
            next_actions, _ = self.policy.apply(policy_params, rng, batch['next_observations'])
            target_q = self.qf.apply(target_qf_params, batch['next_observations'], next_actions)
            q_target = jax.lax.stop_gradient(
                batch['rewards'] + (1. - batch['dones']) * self.config.discount * target_q)
            qf_loss = mse_loss(q_pred, q_target)
            qf_l2 = self.config.qf_weight_decay * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(qf_params))  # expect: WD104
            return qf_loss, dict(qf_loss=qf_loss, qf_l2=qf_l2, average_qf=q_pred.mean())

        (_, aux), grads = jax.value_and_grad(loss_fn, has_aux=True)(qf_state.params)
        new_qf_state = qf_state.apply_gradients(grads=grads)
        new_target = update_target_network(new_qf_state.params, target_qf_params,
                                           self.config.soft_target_update_rate)
        return new_qf_state, new_target, aux

# Idiom seen in: young-geng/JaxCQL JaxCQL/sac.py
# Idiom seen in: young-geng/JaxCQL JaxCQL/conservative_sac.py
# What it reproduces: the ml_collections config + TrainState-per-network layout of JaxCQL for a behaviour
#   cloning policy, regularized with optax.chain(add_decayed_weights(wd, mask=kernels), sgd(lr, momentum)).
#   Clean: decay before the step, masked, lr*wd tiny (3e-4 * 1e-4), no second penalty in the loss.
from functools import partial

import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState
from ml_collections import ConfigDict

from .jax_utils import next_rng


def kernel_mask(params):
    return jax.tree_util.tree_map_with_path(lambda path, _: getattr(path[-1], "key", "") == "kernel", params)


class BehaviorCloning(object):

    @staticmethod
    def get_default_config(updates=None):
        config = ConfigDict()
        config.policy_lr = 3e-4
        config.policy_weight_decay = 1e-4
        config.momentum = 0.9
        if updates is not None:
            config.update(ConfigDict(updates).copy_and_resolve_references())
        return config

    def __init__(self, config, policy):
        self.config = self.get_default_config(config)
        self.policy = policy
        params = self.policy.init(next_rng(), next_rng(), jnp.zeros((10, policy.observation_dim)))
        tx = optax.chain(
            optax.add_decayed_weights(self.config.policy_weight_decay, mask=kernel_mask),
            optax.sgd(self.config.policy_lr, momentum=self.config.momentum),
        )
        self._train_state = TrainState.create(params=params, tx=tx, apply_fn=None)
        self._total_steps = 0

    def train(self, batch):
        self._total_steps += 1
        self._train_state, metrics = self._train_step(self._train_state, next_rng(), batch)
        return {k: float(v) for k, v in metrics.items()}

    @partial(jax.jit, static_argnums=0)
    def _train_step(self, train_state, rng, batch):
        def loss_fn(params):
            log_prob = self.policy.apply(params, batch['observations'], batch['actions'],
                                         method=self.policy.log_prob)
            bc_loss = -log_prob.mean()
            return bc_loss, dict(bc_loss=bc_loss, log_prob=log_prob.mean())

        (_, aux), grads = jax.value_and_grad(loss_fn, has_aux=True)(train_state.params)
        return train_state.apply_gradients(grads=grads), aux

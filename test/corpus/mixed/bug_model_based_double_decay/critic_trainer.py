# Idiom seen in: polghskggh/model_based src/pod/hyperparameters.py
# What it reproduces: nested hyperparameter dict for a flax model-based RL project. The critic
#   trainer both adds an explicit tree_map L2 term to its loss and uses optax.adamw(weight_decay=...)
#   without a mask, so the same params are decayed twice (and biases decayed). Realistic user mistake.
from typing import Sequence

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState

from hyperparameters import hyperparameters
from src.enviroment import make_replay  # not part of this program


class Critic(nn.Module):
    hidden: Sequence[int]

    @nn.compact
    def __call__(self, obs, act):
        x = jnp.concatenate([obs, act], axis=-1)
        for h in self.hidden:
            x = nn.relu(nn.Dense(h)(x))
        return nn.Dense(1)(x).squeeze(-1)


class CriticTrainer:
    def __init__(self, obs_dim, act_dim):
        hp = hyperparameters['critic']
        self.l2_reg = hp['l2_reg']
        self.model = Critic(hp['hidden'])
        params = self.model.init(jax.random.PRNGKey(hyperparameters['rng']['params']),
                                 jnp.ones((1, obs_dim)), jnp.ones((1, act_dim)))
        tx = optax.adamw(learning_rate=hp['lr'],
                         weight_decay=hp['weight_decay'])  # expect: WD203
        self.state = TrainState.create(apply_fn=self.model.apply, params=params, tx=tx)
        self._update = jax.jit(self._update_impl)

    def _loss(self, params, obs, act, target):
        q = self.state.apply_fn(params, obs, act)
        mse = jnp.mean((q - target) ** 2)
        l2 = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
        return mse + self.l2_reg * l2

    def _update_impl(self, state, obs, act, target):
        loss, grads = jax.value_and_grad(self._loss)(state.params, obs, act, target)
        return state.apply_gradients(grads=grads), loss

    def train_step(self, batch):
        self.state, loss = self._update(self.state, batch['obs'], batch['act'], batch['target'])
        return loss


if __name__ == '__main__':
    replay = make_replay()
    trainer = CriticTrainer(replay.obs_dim, replay.act_dim)
    for batch in replay.iterate(hyperparameters['dqn']['batch_size']):
        print(float(trainer.train_step(batch)))

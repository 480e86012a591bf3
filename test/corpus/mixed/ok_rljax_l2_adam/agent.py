# Idiom seen in: Mo379/TensorNets APP/src/optim.py
# Idiom seen in: Mo379/TensorNets APP/src/network.py
# What it reproduces: an rljax-style DQN agent (haiku Q-network, `self.opt_init, self.opt = optix.adam(lr)`) whose
#   critic loss adds lambda_wd * weight_decay(params) to the TD loss returned as the differentiated value of
#   optimize(). Clean: explicit L2 in the trained loss, plain Adam with no decay of its own.
from functools import partial

import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax as optix

from optim import optimize, weight_decay
from buffer import ReplayBuffer


def build_q_net(num_actions, hidden_units=(256, 256)):
    def fn(s):
        return hk.nets.MLP(list(hidden_units) + [num_actions])(s)
    return hk.without_apply_rng(hk.transform(fn))


class DQN:
    def __init__(self, state_dim, num_actions, seed=0, lr=3e-4, gamma=0.99, lambda_wd=1e-4,
                 max_grad_norm=10.0, buffer_size=100000, batch_size=256):
        self.rng = jax.random.PRNGKey(seed)
        self.q_net = build_q_net(num_actions)
        self.params = self.params_target = self.q_net.init(self.rng, np.zeros((1, state_dim), np.float32))
        self.opt_init, self.opt = optix.adam(lr)
        self.opt_state = self.opt_init(self.params)
        self.gamma = gamma
        self.lambda_wd = lambda_wd
        self.max_grad_norm = max_grad_norm
        self.buffer = ReplayBuffer(buffer_size, state_dim)
        self.batch_size = batch_size

    @partial(jax.jit, static_argnums=0)
    def _loss(self, params, params_target, state, action, reward, done, next_state):
        q = jnp.take_along_axis(self.q_net.apply(params, state), action, axis=1)
        next_q = jnp.max(self.q_net.apply(params_target, next_state), axis=1, keepdims=True)
        target = jax.lax.stop_gradient(reward + (1.0 - done) * self.gamma * next_q)
        td = target - q
        loss = jnp.mean(optix.huber_loss(td))
        loss = loss + self.lambda_wd * weight_decay(params)
        return loss, jnp.abs(td)

    def update(self):
        state, action, reward, done, next_state = self.buffer.sample(self.batch_size)
        self.opt_state, self.params, loss, abs_td = optimize(
            self._loss,
            self.opt,
            self.opt_state,
            self.params,
            self.max_grad_norm,
            params_target=self.params_target,
            state=state,
            action=action,
            reward=reward,
            done=done,
            next_state=next_state,
        )
        return loss

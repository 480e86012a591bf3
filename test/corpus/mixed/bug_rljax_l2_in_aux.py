# Idiom seen in: Mo379/TensorNets APP/src/optim.py
# What it reproduces: the rljax-style optimize(fn_loss, opt, ...) that differentiates only the first output of a
#   has_aux loss; the SAC critic loss computes lambda_wd * weight_decay(params) but hands it back in the aux tuple for
#   logging instead of adding it to the loss, so the penalty gets no gradient (user mistake).
from functools import partial
from typing import Any, Tuple

import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax
from jax.tree_util import tree_flatten

from buffer import ReplayBuffer


@partial(jax.jit, static_argnums=(0, 1))
def optimize(fn_loss: Any, opt: Any, opt_state: Any, params_to_update: hk.Params,
             *args, **kwargs) -> Tuple[Any, hk.Params, jnp.ndarray, Any]:
    (loss, aux), grad = jax.value_and_grad(fn_loss, has_aux=True)(params_to_update, *args, **kwargs)
    update, opt_state = opt(grad, opt_state)
    params_to_update = optax.apply_updates(params_to_update, update)
    return opt_state, params_to_update, loss, aux


@jax.jit
def weight_decay(params: hk.Params) -> jnp.ndarray:
    leaves, _ = tree_flatten(params)
    return 0.5 * sum(jnp.vdot(x, x) for x in leaves)


def build_critic(hidden_units=(256, 256)):
    def fn(s, a):
        x = jnp.concatenate([s, a], axis=1)
        return hk.nets.MLP(list(hidden_units) + [1])(x), hk.nets.MLP(list(hidden_units) + [1])(x)
    return hk.without_apply_rng(hk.transform(fn))


class SACCritic:
    def __init__(self, state_dim, action_dim, seed=0, lr_critic=3e-4, gamma=0.99, lambda_wd=1e-4):
        rng = jax.random.PRNGKey(seed)
        self.critic = build_critic()
        self.params_critic = self.params_critic_target = self.critic.init(
            rng, np.zeros((1, state_dim), np.float32), np.zeros((1, action_dim), np.float32))
        self.opt_init, self.opt_critic = optax.adam(lr_critic)
        self.opt_state_critic = self.opt_init(self.params_critic)
        self.gamma = gamma
        self.lambda_wd = lambda_wd
        self.buffer = ReplayBuffer(1000000, state_dim, action_dim)

    @partial(jax.jit, static_argnums=0)
    def _loss_critic(self, params_critic, state, action, target_q):
        q1, q2 = self.critic.apply(params_critic, state, action)
        loss_critic = jnp.mean(jnp.square(target_q - q1)) + jnp.mean(jnp.square(target_q - q2))
        l2 = self.lambda_wd * weight_decay(params_critic)  # expect: WD104
        return loss_critic, (l2, jnp.abs(target_q - q1))

    def update(self, target_q_fn, batch_size=256):
        state, action, reward, done, next_state = self.buffer.sample(batch_size)
        target_q = target_q_fn(self.params_critic_target, reward, done, next_state)
        self.opt_state_critic, self.params_critic, loss_critic, (l2, abs_td) = optimize(
            self._loss_critic,
            self.opt_critic,
            self.opt_state_critic,
            self.params_critic,
            state=state,
            action=action,
            target_q=target_q,
        )
        return {"loss/critic": float(loss_critic), "loss/l2": float(l2)}

# Idiom seen in: tudelft-cda-lab/DTPO dtpo/dtpo.py
# What it reproduces: gymnax + flax TrainState value network trained with rlax-style advantages.
#   The L2 penalty on the value-network params is SUBTRACTED from the loss (sign slip), so the
#   optimizer is rewarded for growing the weights: negative decay. Realistic user mistake.
from functools import partial

import flax.linen as nn
import gymnax
import jax
import jax.numpy as jnp
import optax
import rlax
from flax.training.train_state import TrainState

from dtpo.rollouts import ParallelEnvRollouts  # not part of this program

L2_COEF = 1e-4
VF_COEF = 0.5


class ValueNet(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.tanh(nn.Dense(64)(x))
        x = nn.tanh(nn.Dense(64)(x))
        return nn.Dense(1)(x).squeeze(-1)


@partial(jax.jit, static_argnums=(0,))
def update_value(gamma, state: TrainState, obs, rewards, discounts, old_values):
    def loss_fn(params):
        values = state.apply_fn(params, obs)
        targets = rlax.lambda_returns(rewards, discounts * gamma, jax.lax.stop_gradient(values[1:]), 0.95)
        value_loss = jnp.mean((values[:-1] - targets) ** 2)
        l2 = sum(jnp.sum(jnp.square(w)) for w in jax.tree_util.tree_leaves(params))
        loss = VF_COEF * value_loss - L2_COEF * l2  # expect: WD302
        return loss

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def main(env_name="CartPole-v1", iterations=200, gamma=0.99):
    env, env_params = gymnax.make(env_name)
    rollouts = ParallelEnvRollouts(env, num_envs=16, n_steps=128, gamma=gamma, gae_lambda=0.95)
    net = ValueNet()
    params = net.init(jax.random.PRNGKey(0), jnp.zeros((1,) + env.observation_space(env_params).shape))
    state = TrainState.create(apply_fn=net.apply, params=params, tx=optax.adam(3e-4))
    rng = jax.random.PRNGKey(1)
    for it in range(iterations):
        rng, sub = jax.random.split(rng)
        obs, rewards, discounts, values = rollouts.get_values_batch(state, sub)
        state, loss = update_value(gamma, state, obs, rewards, discounts, values)
        print(it, float(loss))


if __name__ == "__main__":
    main()

# Idiom seen in: smearle/script-doctor train_jax.py
# What it reproduces: purejaxrl-style PPO make_train(): TrainState.create(tx=optax.chain(clip,
#   adam)) with an ANNEAL_LR branch; the user appends a kernel-masked optax.add_decayed_weights
#   AFTER the Adam step, so +wd*w is added to the final update: kernels grow by (1 + wd) a step.
#   The repository has no decay; this is a realistic user mistake in its idiom.
from typing import NamedTuple

import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState

from utils_rl import init_network, init_ps_env, get_env_params_from_config


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


class Transition(NamedTuple):
    done: jnp.ndarray
    action: jnp.ndarray
    value: jnp.ndarray
    reward: jnp.ndarray
    log_prob: jnp.ndarray
    obs: jnp.ndarray


def make_train(config):
    env = init_ps_env(config)
    env_params = get_env_params_from_config(env, config)
    num_updates = config.total_timesteps // config.num_steps // config.n_envs

    def linear_schedule(count):
        frac = 1.0 - (count // (config.NUM_MINIBATCHES * config.update_epochs)) / num_updates
        return config.lr * frac

    def train(rng):
        network = init_network(env, env_params, config)
        rng, _rng = jax.random.split(rng)
        network_params = network.init(_rng, env.gen_dummy_obs(env_params))
        if config.ANNEAL_LR:
            tx = optax.chain(
                optax.clip_by_global_norm(config.MAX_GRAD_NORM),
                optax.adam(learning_rate=linear_schedule, eps=1e-5),
                optax.add_decayed_weights(1e-4, mask=kernel_mask),  # expect: WD302
            )
        else:
            tx = optax.chain(
                optax.clip_by_global_norm(config.MAX_GRAD_NORM),
                optax.adam(config.lr, eps=1e-5),
            )
        train_state = TrainState.create(apply_fn=network.apply, params=network_params, tx=tx)

        def _loss_fn(params, traj_batch, gae, targets):
            pi, value = network.apply(params, traj_batch.obs)
            log_prob = pi.log_prob(traj_batch.action)
            ratio = jnp.exp(log_prob - traj_batch.log_prob)
            gae = (gae - gae.mean()) / (gae.std() + 1e-8)
            loss_actor = -jnp.minimum(ratio * gae,
                                      jnp.clip(ratio, 1 - config.CLIP_EPS, 1 + config.CLIP_EPS) * gae).mean()
            value_loss = jnp.square(value - targets).mean()
            entropy = pi.entropy().mean()
            total = loss_actor + config.VF_COEF * value_loss - config.ENT_COEF * entropy
            return total, (value_loss, loss_actor, entropy)

        def _update_minibatch(train_state, batch_info):
            traj_batch, advantages, targets = batch_info
            grad_fn = jax.value_and_grad(_loss_fn, has_aux=True)
            total_loss, grads = grad_fn(train_state.params, traj_batch, advantages, targets)
            return train_state.apply_gradients(grads=grads), total_loss

        return train_state, _update_minibatch

    return train

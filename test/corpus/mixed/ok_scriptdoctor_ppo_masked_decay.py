# Idiom seen in: smearle/script-doctor train_jax.py
# What it reproduces: the same PPO TrainState built with a hand-written decoupled AdamW chain:
#   scale_by_adam, then add_decayed_weights masked to kernels, then the (annealed) learning-rate
#   step, the order optax.adamw itself uses. The loss has no penalty. Clean.
import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState

from utils_rl import init_network, init_ps_env, get_env_params_from_config


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


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
        lr = linear_schedule if config.ANNEAL_LR else config.lr
        tx = optax.chain(
            optax.clip_by_global_norm(config.MAX_GRAD_NORM),
            optax.scale_by_adam(eps=1e-5),
            optax.add_decayed_weights(config.weight_decay, mask=kernel_mask),
            optax.scale_by_learning_rate(lr),
        )
        train_state = TrainState.create(apply_fn=network.apply, params=network_params, tx=tx)

        def _loss_fn(params, obs, action, old_log_prob, gae, targets):
            pi, value = network.apply(params, obs)
            ratio = jnp.exp(pi.log_prob(action) - old_log_prob)
            gae = (gae - gae.mean()) / (gae.std() + 1e-8)
            loss_actor = -jnp.minimum(ratio * gae,
                                      jnp.clip(ratio, 1 - config.CLIP_EPS, 1 + config.CLIP_EPS) * gae).mean()
            value_loss = jnp.square(value - targets).mean()
            total = loss_actor + config.VF_COEF * value_loss - config.ENT_COEF * pi.entropy().mean()
            return total, (value_loss, loss_actor)

        def _update_minibatch(train_state, batch):
            (loss, aux), grads = jax.value_and_grad(_loss_fn, has_aux=True)(train_state.params, *batch)
            return train_state.apply_gradients(grads=grads), loss

        return train_state, _update_minibatch

    return train

# Idiom seen in: luchris429/purejaxrl purejaxrl/ppo_continuous_action.py
# What it reproduces: PureJaxRL-style PPO optimizer chain where the user's decay is decoupled:
# clip_by_global_norm then optax.adamw with a mask that decays only the Dense kernels. Clean.
import jax
import jax.numpy as jnp
import flax.linen as nn
import numpy as np
import optax
from flax import traverse_util
from flax.linen.initializers import constant, orthogonal
from flax.training.train_state import TrainState
import distrax


class ActorCritic(nn.Module):
    action_dim: int

    @nn.compact
    def __call__(self, x):
        a = nn.tanh(nn.Dense(256, kernel_init=orthogonal(np.sqrt(2)), bias_init=constant(0.0))(x))
        a = nn.tanh(nn.Dense(256, kernel_init=orthogonal(np.sqrt(2)), bias_init=constant(0.0))(a))
        mean = nn.Dense(self.action_dim, kernel_init=orthogonal(0.01), bias_init=constant(0.0))(a)
        log_std = self.param("log_std", nn.initializers.zeros, (self.action_dim,))
        c = nn.tanh(nn.Dense(256, kernel_init=orthogonal(np.sqrt(2)), bias_init=constant(0.0))(x))
        value = nn.Dense(1, kernel_init=orthogonal(1.0), bias_init=constant(0.0))(c)
        return distrax.MultivariateNormalDiag(mean, jnp.exp(log_std)), jnp.squeeze(value, -1)


def kernel_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] == "kernel" for k in flat})


def make_optimizer(config, num_updates):
    def linear_schedule(count):
        frac = 1.0 - (count // (config["NUM_MINIBATCHES"] * config["UPDATE_EPOCHS"])) / num_updates
        return config["LR"] * frac

    return optax.chain(
        optax.clip_by_global_norm(config["MAX_GRAD_NORM"]),
        optax.adamw(learning_rate=linear_schedule, eps=1e-5, weight_decay=config["WEIGHT_DECAY"], mask=kernel_mask),
    )


def ppo_loss(params, network, traj, gae, targets, config):
    pi, value = network.apply(params, traj["obs"])
    ratio = jnp.exp(pi.log_prob(traj["action"]) - traj["log_prob"])
    gae = (gae - gae.mean()) / (gae.std() + 1e-8)
    actor = -jnp.minimum(ratio * gae, jnp.clip(ratio, 1 - config["CLIP_EPS"], 1 + config["CLIP_EPS"]) * gae).mean()
    critic = 0.5 * jnp.square(value - targets).mean()
    return actor + config["VF_COEF"] * critic - config["ENT_COEF"] * pi.entropy().mean()


def update(train_state, network, traj, gae, targets, config):
    loss, grads = jax.value_and_grad(ppo_loss)(train_state.params, network, traj, gae, targets, config)
    return train_state.apply_gradients(grads=grads), loss


if __name__ == "__main__":
    config = {"LR": 3e-4, "WEIGHT_DECAY": 1e-4, "MAX_GRAD_NORM": 0.5, "NUM_MINIBATCHES": 32,
              "UPDATE_EPOCHS": 4, "CLIP_EPS": 0.2, "VF_COEF": 0.5, "ENT_COEF": 0.0}
    network = ActorCritic(action_dim=6)
    params = network.init(jax.random.PRNGKey(0), jnp.zeros((17,)))
    state = TrainState.create(apply_fn=network.apply, params=params, tx=make_optimizer(config, 1000))
    traj = {"obs": jnp.zeros((64, 17)), "action": jnp.zeros((64, 6)), "log_prob": jnp.zeros((64,))}
    state, loss = update(state, network, traj, jnp.ones((64,)), jnp.zeros((64,)), config)
    print(loss)

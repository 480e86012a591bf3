# Idiom seen in: andnp/jax-research-template libs/rl-agents/src/rl_agents/ppo.py
# What it reproduces: PPO train-step factory (has_aux loss, TrainState.apply_gradients) with a clipped adamw
#   whose mask excludes biases and LayerNorm scale/bias. Clean.
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training.train_state import TrainState

from envs import make_env
from networks import ActorCritic


def wd_mask(params):
    flat = traverse_util.flatten_dict(params)
    mask = {path: (path[-1] != "bias" and "LayerNorm" not in path[-2]) for path in flat}
    return traverse_util.unflatten_dict(mask)


def make_update(network, config):
    def _loss_fn(params, traj, advantages, targets):
        pi, value = network.apply(params, traj.obs)
        ratio = jnp.exp(pi.log_prob(traj.action) - traj.log_prob)
        gae = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
        clipped = jnp.clip(ratio, 1 - config["CLIP_EPS"], 1 + config["CLIP_EPS"]) * gae
        policy_loss = -jnp.minimum(ratio * gae, clipped).mean()
        value_loss = 0.5 * jnp.square(value - targets).mean()
        entropy = pi.entropy().mean()
        loss = policy_loss + config["VF_COEF"] * value_loss - config["ENT_COEF"] * entropy
        return loss, (value_loss, policy_loss, entropy)

    @jax.jit
    def update(train_state, traj, advantages, targets):
        grad_fn = jax.value_and_grad(_loss_fn, has_aux=True)
        (loss, aux), grads = grad_fn(train_state.params, traj, advantages, targets)
        return train_state.apply_gradients(grads=grads), loss, aux

    return update


def main(config):
    env, obs_dim, n_actions = make_env(config["ENV_NAME"])
    network = ActorCritic(n_actions)
    params = network.init(jax.random.PRNGKey(config["SEED"]), jnp.zeros((1, obs_dim)))
    tx = optax.chain(
        optax.clip_by_global_norm(config["MAX_GRAD_NORM"]),
        optax.adamw(config["LR"], eps=1e-5, weight_decay=config["WEIGHT_DECAY"], mask=wd_mask),
    )
    train_state = TrainState.create(apply_fn=network.apply, params=params, tx=tx)
    update = make_update(network, config)
    for traj, advantages, targets in env.rollouts(train_state, config["NUM_UPDATES"]):
        train_state, loss, aux = update(train_state, traj, advantages, targets)
    return train_state


if __name__ == "__main__":
    main({"ENV_NAME": "CartPole-v1", "SEED": 0, "LR": 3e-4, "WEIGHT_DECAY": 1e-2, "MAX_GRAD_NORM": 0.5,
          "CLIP_EPS": 0.2, "VF_COEF": 0.5, "ENT_COEF": 0.01, "NUM_UPDATES": 200})

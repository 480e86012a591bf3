# Idiom seen in: andnp/jax-research-template libs/rl-agents/src/rl_agents/ppo.py
# What it reproduces: PureJaxRL-style make_train factory whose _loss_fn is differentiated with has_aux=True;
#   the user added an L2 penalty on the params but returned it only among the aux metrics, so it is never
#   trained on (bug written by us in the repo's idiom).
import distrax
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState

from rollout import collect_trajectories


class ActorCritic(nn.Module):
    action_dim: int

    @nn.compact
    def __call__(self, x):
        a = nn.tanh(nn.Dense(64)(x))
        a = nn.tanh(nn.Dense(64)(a))
        pi = distrax.Categorical(logits=nn.Dense(self.action_dim)(a))
        v = nn.tanh(nn.Dense(64)(x))
        v = nn.Dense(1)(nn.tanh(nn.Dense(64)(v)))
        return pi, jnp.squeeze(v, -1)


def make_train(config):
    network = ActorCritic(config["ACTION_DIM"])

    def train(rng):
        rng, init_rng = jax.random.split(rng)
        params = network.init(init_rng, jnp.zeros((1, config["OBS_DIM"])))
        tx = optax.chain(
            optax.clip_by_global_norm(config["MAX_GRAD_NORM"]),
            optax.adam(config["LR"], eps=1e-5),
        )
        train_state = TrainState.create(apply_fn=network.apply, params=params, tx=tx)

        def _update_minbatch(train_state, batch):
            traj, advantages, targets = batch

            def _loss_fn(params, traj, advantages, targets):
                pi, value = network.apply(params, traj.obs)
                log_prob = pi.log_prob(traj.action)
                value_loss = 0.5 * jnp.square(value - targets).mean()
                ratio = jnp.exp(log_prob - traj.log_prob)
                gae = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
                clipped = jnp.clip(ratio, 1.0 - config["CLIP_EPS"], 1.0 + config["CLIP_EPS"])
                policy_loss = -jnp.minimum(ratio * gae, clipped * gae).mean()
                entropy = pi.entropy().mean()
                l2_penalty = config["L2_COEF"] * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD104
                loss = policy_loss + config["VF_COEF"] * value_loss - config["ENT_COEF"] * entropy
                return loss, (value_loss, policy_loss, entropy, l2_penalty)

            grad_fn = jax.value_and_grad(_loss_fn, has_aux=True)
            (loss, aux), grads = grad_fn(train_state.params, traj, advantages, targets)
            train_state = train_state.apply_gradients(grads=grads)
            return train_state, (loss, aux)

        for _ in range(config["NUM_UPDATES"]):
            rng, _rng = jax.random.split(rng)
            batches = collect_trajectories(_rng, train_state, config)
            for batch in batches:
                train_state, metrics = _update_minbatch(train_state, batch)
        return train_state

    return train


if __name__ == "__main__":
    config = {"ACTION_DIM": 4, "OBS_DIM": 8, "LR": 2.5e-4, "MAX_GRAD_NORM": 0.5, "CLIP_EPS": 0.2,
              "VF_COEF": 0.5, "ENT_COEF": 0.01, "L2_COEF": 1e-4, "NUM_UPDATES": 100}
    train_fn = make_train(config)
    train_fn(jax.random.PRNGKey(30))

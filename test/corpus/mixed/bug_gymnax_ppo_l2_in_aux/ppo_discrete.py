# Idiom seen in: YichenFeng630/Optimizer optimize/optimize/experiments/gymnax/ppo/ppo/ppo_discrete.py
# What it reproduces: PPO loss under jax.value_and_grad(has_aux=True); a user-added L2 penalty on the params is
# computed and only put in the metrics dict (aux), never in total_loss, so no decay reaches the adam update.
import gymnax
import hydra
import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState
from omegaconf import OmegaConf

from networks import ActorCriticDiscrete
from rollout import collect_minibatches


def make_train(config):
    env, env_params = gymnax.make(config["env_name"])
    config["num_updates"] = config["total_timesteps"] // config["num_steps"] // config["num_envs"]

    def train(rng):
        network = ActorCriticDiscrete(action_dim=env.num_actions, activation=config["activation"])
        rng, _rng = jax.random.split(rng)
        obs, state = jax.vmap(env.reset, in_axes=(0, None))(jax.random.split(_rng, config["num_envs"]), env_params)
        network_params = network.init(_rng, jnp.zeros(obs.shape))

        tx = optax.chain(
            optax.clip_by_global_norm(config["max_grad_norm"]),
            optax.adam(learning_rate=config["lr"], eps=1e-5),
        )
        train_state = TrainState.create(apply_fn=network.apply, params=network_params, tx=tx)

        def _loss(params, traj, gae, targets):
            pi, value = network.apply(params, traj.obs)
            log_prob = pi.log_prob(traj.action)
            ratio = jnp.exp(log_prob - traj.log_prob)
            gae = (gae - gae.mean()) / (gae.std() + 1e-8)
            loss_actor = -jnp.minimum(
                ratio * gae,
                jnp.clip(ratio, 1.0 - config["clip_eps"], 1.0 + config["clip_eps"]) * gae,
            ).mean()
            entropy = pi.entropy().mean()
            value_loss = 0.5 * jnp.square(value - targets).mean()

            l2_penalty = config["l2_coef"] * sum(jnp.sum(jnp.square(w)) for w in jax.tree_util.tree_leaves(params))  # expect: WD104

            total_loss = (
                loss_actor
                + config["vf_coef"] * value_loss
                - config["ent_coef"] * entropy
            )
            return total_loss, {
                "value_loss": value_loss,
                "actor_loss": loss_actor,
                "entropy": entropy,
                "l2_penalty": l2_penalty,
            }

        def _update_minibatch(train_state, minibatch):
            traj, adv, targets = minibatch
            grad_fn = jax.value_and_grad(_loss, has_aux=True)
            (total_loss, aux), grads = grad_fn(train_state.params, traj, adv, targets)
            train_state = train_state.apply_gradients(grads=grads)
            return train_state, (total_loss, aux)

        def _update_epoch(train_state, rng):
            minibatches = collect_minibatches(rng, env, env_params, network, train_state.params, config)
            train_state, losses = jax.lax.scan(_update_minibatch, train_state, minibatches)
            return train_state, losses

        rngs = jax.random.split(rng, config["num_updates"])
        train_state, metrics = jax.lax.scan(_update_epoch, train_state, rngs)
        return {"train_state": train_state, "metrics": metrics}

    return train


@hydra.main(version_base=None, config_path="./", config_name="config_ppo")
def main(config):
    config = OmegaConf.to_container(config)
    config.setdefault("l2_coef", 1e-4)
    train_fn = make_train(config)
    out = jax.jit(train_fn)(jax.random.PRNGKey(config["seed"]))
    total_loss, aux = out["metrics"]
    print("final loss", float(total_loss[-1].mean()), "l2", float(aux["l2_penalty"][-1].mean()))


if __name__ == "__main__":
    main()

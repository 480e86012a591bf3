# Idiom seen in: Hevagog/s2ac-jax src/agent/s2ac/optimizers/adamw.py
# What it reproduces: skrl-style JAX agent whose AdamW wrapper builds optax.adamw (or a manual
#   scale_by_adam -> add_decayed_weights chain, lr applied in the step) with NO mask, so every
#   leaf of the critic/policy trees (biases, LayerNorm scales) is decayed. The real repo does this.
import jax
import jax.numpy as jnp
import flax.linen as nn

from s2ac_cfg import S2AC_DEFAULT_CONFIG
from optimizers import make_adamw
from environments import make_env  # not part of this program


class Critic(nn.Module):
    hidden: int = 256

    @nn.compact
    def __call__(self, obs, act):
        x = jnp.concatenate([obs, act], -1)
        x = nn.relu(nn.LayerNorm()(nn.Dense(self.hidden)(x)))
        x = nn.relu(nn.Dense(self.hidden)(x))
        return nn.Dense(1)(x).squeeze(-1)


class Policy(nn.Module):
    act_dim: int
    hidden: int = 256

    @nn.compact
    def __call__(self, obs):
        x = nn.relu(nn.Dense(self.hidden)(obs))
        return jnp.tanh(nn.Dense(self.act_dim)(x))


def main(cfg=S2AC_DEFAULT_CONFIG):
    env = make_env("corridor_multimodal")
    rng = jax.random.PRNGKey(0)
    obs = jnp.zeros((1, env.obs_dim))
    act = jnp.zeros((1, env.act_dim))
    critic, policy = Critic(), Policy(env.act_dim)
    q_params = critic.init(rng, obs, act)
    pi_params = policy.init(rng, obs)

    q_opt = make_adamw(q_params, lr=cfg["critic_lr"], weight_decay=cfg["weight_decay"],
                       grad_norm_clip=cfg["grad_norm_clip"], scale=True)
    pi_opt = make_adamw(pi_params, weight_decay=cfg["weight_decay"], scale=False)

    def q_loss(p, batch):
        q = critic.apply(p, batch["obs"], batch["act"])
        return jnp.mean((q - batch["target"]) ** 2)

    def pi_loss(p, batch):
        a = policy.apply(p, batch["obs"])
        return -jnp.mean(critic.apply(q_params, batch["obs"], a))

    for batch in env.replay_batches(cfg["batch_size"]):
        g = jax.grad(q_loss)(q_params, batch)
        q_opt, q_params = q_opt.step(g, q_params)
        g = jax.grad(pi_loss)(pi_params, batch)
        pi_opt, pi_params = pi_opt.step(g, pi_params, lr=cfg["actor_lr"])


if __name__ == "__main__":
    main()

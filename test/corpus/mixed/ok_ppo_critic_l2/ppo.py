# Idiom seen in: SUMI-lab/VeRecycle core/ppo_jax.py
# What it reproduces: CleanRL-style flax PPO with separate actor and critic TrainStates; an explicit
#   L2 term on the CRITIC params only is added to the value loss, and both use optax.adam without
#   any weight_decay: one decay mechanism, on the intended params, summed into the trained loss. Clean.
from dataclasses import dataclass
from functools import partial

import jax
import jax.numpy as jnp
import optax
from flax.training.train_state import TrainState

from networks import MLP
from core.buffer import collect_rollouts  # not part of this program


@dataclass(frozen=True)
class PPOargs:
    seed: int = 1
    learning_rate: float = 3e-4
    num_envs: int = 8
    num_steps: int = 128
    gamma: float = 0.99
    gae_lambda: float = 0.95
    clip_coef: float = 0.2
    vf_coef: float = 0.5
    critic_l2: float = 1e-4
    max_grad_norm: float = 0.5
    update_epochs: int = 4


def make_states(args, obs_dim, act_dim, key):
    k1, k2 = jax.random.split(key)
    actor, critic = MLP([64, 64], out=act_dim), MLP([64, 64], out=1)
    dummy = jnp.zeros((1, obs_dim))
    tx = optax.chain(optax.clip_by_global_norm(args.max_grad_norm), optax.adam(args.learning_rate, eps=1e-5))
    actor_state = TrainState.create(apply_fn=actor.apply, params=actor.init(k1, dummy), tx=tx)
    critic_state = TrainState.create(apply_fn=critic.apply, params=critic.init(k2, dummy), tx=tx)
    return actor_state, critic_state


def critic_l2(params):
    return sum(jnp.sum(w ** 2) for w in jax.tree_util.tree_leaves(params))


@partial(jax.jit, static_argnums=(3,))
def update_ppo(actor_state, critic_state, batch, args):
    def actor_loss(p):
        logits = actor_state.apply_fn(p, batch["obs"])
        logp = jax.nn.log_softmax(logits)
        new_logp = jnp.take_along_axis(logp, batch["act"][:, None], 1).squeeze(1)
        ratio = jnp.exp(new_logp - batch["logp"])
        adv = (batch["adv"] - batch["adv"].mean()) / (batch["adv"].std() + 1e-8)
        pg = jnp.maximum(-adv * ratio, -adv * jnp.clip(ratio, 1 - args.clip_coef, 1 + args.clip_coef))
        return pg.mean()

    def value_loss(p):
        v = critic_state.apply_fn(p, batch["obs"]).squeeze(-1)
        return args.vf_coef * ((v - batch["ret"]) ** 2).mean() + args.critic_l2 * critic_l2(p)

    a_loss, a_grads = jax.value_and_grad(actor_loss)(actor_state.params)
    v_loss, v_grads = jax.value_and_grad(value_loss)(critic_state.params)
    return actor_state.apply_gradients(grads=a_grads), critic_state.apply_gradients(grads=v_grads), a_loss, v_loss


def run_PPO(env, args: PPOargs):
    key = jax.random.PRNGKey(args.seed)
    actor_state, critic_state = make_states(args, env.obs_dim, env.act_dim, key)
    for it in range(1000):
        batch = collect_rollouts(env, actor_state, critic_state, args)
        for _ in range(args.update_epochs):
            actor_state, critic_state, a_loss, v_loss = update_ppo(actor_state, critic_state, batch, args)
        print(it, float(a_loss), float(v_loss))
    return actor_state

# Idiom seen in: elliotvilhelm/jax-policy-gradient README.md
# What it reproduces: vanilla policy gradient in JAX with baseline, entropy bonus and an optax chain
#   (clip_by_global_norm first). Decay is a masked add_decayed_weights placed BEFORE the SGD step,
#   small (lr*wd = 1e-6): clean.
import argparse

import gymnasium as gym
import jax
import jax.numpy as jnp
import numpy as np
import optax

from policy import init_policy, policy_logits  # not part of this program


def weights_only(params):
    return jax.tree_util.tree_map(lambda p: p.ndim == 2, params)


def make_optimizer(lr, momentum, weight_decay):
    return optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.add_decayed_weights(weight_decay, mask=weights_only),
        optax.sgd(learning_rate=lr, momentum=momentum),
    )


def loss_fn(params, obs, actions, advantages, beta):
    logits = policy_logits(params, obs)
    logp = jax.nn.log_softmax(logits)
    logp_a = jnp.take_along_axis(logp, actions[:, None], axis=1).squeeze(1)
    entropy = -(jnp.exp(logp) * logp).sum(-1).mean()
    return -(logp_a * advantages).mean() - beta * entropy


@jax.jit
def update(params, opt_state, obs, actions, advantages):
    loss, grads = jax.value_and_grad(loss_fn)(params, obs, actions, advantages, 0.01)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss


def rollout(env, params, key):
    obs, _ = env.reset()
    traj = {"obs": [], "act": [], "rew": []}
    done = False
    while not done:
        key, sub = jax.random.split(key)
        a = int(jax.random.categorical(sub, policy_logits(params, jnp.asarray(obs))))
        nxt, r, term, trunc, _ = env.step(a)
        traj["obs"].append(obs); traj["act"].append(a); traj["rew"].append(r)
        obs, done = nxt, term or trunc
    return traj, key


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--lr", type=float, default=1e-2)
    ap.add_argument("--momentum", type=float, default=0.9)
    ap.add_argument("--weight-decay", type=float, default=1e-4)
    ap.add_argument("--episodes", type=int, default=500)
    args = ap.parse_args()

    env = gym.make("CartPole-v1")
    key = jax.random.PRNGKey(0)
    params = init_policy(key, 4, 64, 2)
    optimizer = make_optimizer(args.lr, args.momentum, args.weight_decay)
    opt_state = optimizer.init(params)
    for ep in range(args.episodes):
        traj, key = rollout(env, params, key)
        rets = np.cumsum(traj["rew"][::-1])[::-1].astype(np.float32)
        adv = (rets - rets.mean()) / (rets.std() + 1e-8)
        params, opt_state, loss = update(params, opt_state, jnp.asarray(np.array(traj["obs"])),
                                         jnp.asarray(traj["act"]), jnp.asarray(adv))
        if ep % 20 == 0:
            print(ep, float(loss), len(traj["rew"]))

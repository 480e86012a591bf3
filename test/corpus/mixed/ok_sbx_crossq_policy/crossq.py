# Idiom seen in: araffin/sbx sbx/crossq/crossq.py
# What it reproduces: CrossQ's critic update runs the batch-normed critic once on the concatenation of
# (obs, act) and (next_obs, next_act) and differentiates the TD loss with has_aux=True (the aux is only the
# batch-norm state); the actor loss likewise. No penalty and no optimizer decay. Clean.
from functools import partial

import flax
import jax
import jax.numpy as jnp

from policies import CrossQPolicy


class CrossQ:
    def __init__(self, env, learning_rate=1e-3, qf_learning_rate=None, gamma=0.99, seed=0, policy_kwargs=None):
        self.env = env
        self.gamma = gamma
        self.policy = CrossQPolicy(env.observation_space, env.action_space, lambda _: learning_rate,
                                   **(policy_kwargs or {}))
        self.key = self.policy.build(jax.random.PRNGKey(seed), lambda _: learning_rate,
                                     qf_learning_rate or learning_rate)

    @staticmethod
    @partial(jax.jit, static_argnames=["gamma"])
    def update_critic(gamma, actor_state, qf_state, ent_coef_value, observations, actions, next_observations,
                      rewards, dones, key):
        key, noise_key, dropout_key = jax.random.split(key, 3)
        dist = actor_state.apply_fn({"params": actor_state.params, "batch_stats": actor_state.batch_stats},
                                    next_observations, train=False)
        next_state_actions = dist.sample(seed=noise_key)
        next_log_prob = dist.log_prob(next_state_actions)

        def mse_loss(params: flax.core.FrozenDict, batch_stats: flax.core.FrozenDict, dropout_key):
            q_values, state_updates = qf_state.apply_fn(
                {"params": params, "batch_stats": batch_stats},
                jnp.concatenate([observations, next_observations], axis=0),
                jnp.concatenate([actions, next_state_actions], axis=0),
                rngs={"dropout": dropout_key},
                mutable=["batch_stats"],
                train=True,
            )
            current_q_values, qf_next_values = jnp.split(q_values, 2, axis=1)
            next_q_values = jnp.min(qf_next_values, axis=0) - ent_coef_value * next_log_prob[:, None]
            target_q_values = rewards[:, None] + (1 - dones[:, None]) * gamma * next_q_values
            loss = 0.5 * ((jax.lax.stop_gradient(target_q_values) - current_q_values) ** 2).mean(axis=1).sum()
            return loss, state_updates

        (qf_loss_value, state_updates), grads = jax.value_and_grad(mse_loss, has_aux=True)(
            qf_state.params, qf_state.batch_stats, dropout_key)
        qf_state = qf_state.apply_gradients(grads=grads)
        qf_state = qf_state.replace(batch_stats=state_updates["batch_stats"])
        return qf_state, qf_loss_value, key

    @staticmethod
    @jax.jit
    def update_actor(actor_state, qf_state, ent_coef_value, observations, key):
        key, dropout_key, noise_key = jax.random.split(key, 3)

        def actor_loss(params, batch_stats):
            dist, state_updates = actor_state.apply_fn({"params": params, "batch_stats": batch_stats},
                                                       observations, mutable=["batch_stats"], train=True)
            actor_actions = dist.sample(seed=noise_key)
            log_prob = dist.log_prob(actor_actions).reshape(-1, 1)
            qf_pi = qf_state.apply_fn({"params": qf_state.params, "batch_stats": qf_state.batch_stats},
                                      observations, actor_actions, rngs={"dropout": dropout_key}, train=False)
            min_qf_pi = jnp.min(qf_pi, axis=0)
            return (ent_coef_value * log_prob - min_qf_pi).mean(), (-log_prob.mean(), state_updates)

        (actor_loss_value, (entropy, state_updates)), grads = jax.value_and_grad(actor_loss, has_aux=True)(
            actor_state.params, actor_state.batch_stats)
        actor_state = actor_state.apply_gradients(grads=grads)
        actor_state = actor_state.replace(batch_stats=state_updates["batch_stats"])
        return actor_state, actor_loss_value, key, entropy

    def train(self, replay_buffer, gradient_steps: int, batch_size: int, ent_coef_value: float = 0.1):
        for _ in range(gradient_steps):
            data = replay_buffer.sample(batch_size)
            self.policy.qf_state, qf_loss, self.key = self.update_critic(
                self.gamma, self.policy.actor_state, self.policy.qf_state, ent_coef_value,
                data.observations, data.actions, data.next_observations, data.rewards, data.dones, self.key)
            self.policy.actor_state, actor_loss, self.key, entropy = self.update_actor(
                self.policy.actor_state, self.policy.qf_state, ent_coef_value, data.observations, self.key)

# Idiom seen in: ikostrikov/walk_in_the_park rl/agents/sac/sac_learner.py
# What it reproduces: SACLearner.create builds flax TrainStates with optax.adam; a user adds a
# critic_weight_decay option the way RLPD does and switches the critic to optax.adamw WITHOUT a mask, so the
# critic's LayerNorm scales/offsets and Dense biases are decayed too (the repository has no decay).
from functools import partial
from typing import Dict, Optional, Sequence, Tuple

import gym
import jax
import jax.numpy as jnp
import optax
from flax import struct
from flax.training.train_state import TrainState

from rl.agents.agent import Agent
from rl.agents.sac.temperature import Temperature
from rl.distributions import TanhNormal
from rl.networks import MLP, Ensemble, StateActionValue
from rl.networks.common import soft_target_update


class SACLearner(Agent):
    critic: TrainState
    target_critic: TrainState
    temp: TrainState
    tau: float
    discount: float
    target_entropy: float
    num_qs: int = struct.field(pytree_node=False)

    @classmethod
    def create(cls, seed: int, observation_space: gym.Space, action_space: gym.Space,
               actor_lr: float = 3e-4, critic_lr: float = 3e-4, temp_lr: float = 3e-4,
               hidden_dims: Sequence[int] = (256, 256), discount: float = 0.99, tau: float = 0.005,
               num_qs: int = 2, critic_dropout_rate: Optional[float] = None,
               critic_layer_norm: bool = False, critic_weight_decay: Optional[float] = None,
               target_entropy: Optional[float] = None, init_temperature: float = 1.0):
        action_dim = action_space.shape[-1]
        observations = observation_space.sample()
        actions = action_space.sample()
        if target_entropy is None:
            target_entropy = -action_dim / 2

        rng = jax.random.PRNGKey(seed)
        rng, actor_key, critic_key, temp_key = jax.random.split(rng, 4)

        actor_base_cls = partial(MLP, hidden_dims=hidden_dims, activate_final=True)
        actor_def = TanhNormal(actor_base_cls, action_dim)
        actor_params = actor_def.init(actor_key, observations)['params']
        actor = TrainState.create(apply_fn=actor_def.apply, params=actor_params,
                                  tx=optax.adam(learning_rate=actor_lr))

        critic_base_cls = partial(MLP, hidden_dims=hidden_dims, activate_final=True,
                                  dropout_rate=critic_dropout_rate, use_layer_norm=critic_layer_norm)
        critic_cls = partial(StateActionValue, base_cls=critic_base_cls)
        critic_def = Ensemble(critic_cls, num=num_qs)
        critic_params = critic_def.init(critic_key, observations, actions)['params']
        if critic_weight_decay is not None:
            critic_optimiser = optax.adamw(learning_rate=critic_lr,
                                           weight_decay=critic_weight_decay)  # expect: WD203
        else:
            critic_optimiser = optax.adam(learning_rate=critic_lr)
        critic = TrainState.create(apply_fn=critic_def.apply, params=critic_params, tx=critic_optimiser)
        target_critic = TrainState.create(apply_fn=critic_def.apply, params=critic_params,
                                          tx=optax.GradientTransformation(lambda _: None, lambda _: None))

        temp_def = Temperature(init_temperature)
        temp_params = temp_def.init(temp_key)['params']
        temp = TrainState.create(apply_fn=temp_def.apply, params=temp_params,
                                 tx=optax.adam(learning_rate=temp_lr))

        return cls(rng=rng, actor=actor, critic=critic, target_critic=target_critic, temp=temp,
                   target_entropy=target_entropy, tau=tau, discount=discount, num_qs=num_qs)

    @staticmethod
    def update_critic(agent, batch) -> Tuple['SACLearner', Dict[str, float]]:
        dist = agent.actor.apply_fn({'params': agent.actor.params}, batch['next_observations'])
        key, rng = jax.random.split(agent.rng)
        next_actions = dist.sample(seed=key)
        key2, rng = jax.random.split(rng)
        next_qs = agent.target_critic.apply_fn({'params': agent.target_critic.params},
                                               batch['next_observations'], next_actions, True,
                                               rngs={'dropout': key2})
        next_q = next_qs.min(axis=0)
        target_q = batch['rewards'] + agent.discount * batch['masks'] * next_q
        next_log_probs = dist.log_prob(next_actions)
        target_q -= agent.discount * batch['masks'] * agent.temp.apply_fn(
            {'params': agent.temp.params}) * next_log_probs
        key3, rng = jax.random.split(rng)

        def critic_loss_fn(critic_params):
            qs = agent.critic.apply_fn({'params': critic_params}, batch['observations'], batch['actions'],
                                       True, rngs={'dropout': key3})
            critic_loss = ((qs - target_q) ** 2).mean()
            return critic_loss, {'critic_loss': critic_loss, 'q': qs.mean()}

        grads, info = jax.grad(critic_loss_fn, has_aux=True)(agent.critic.params)
        critic = agent.critic.apply_gradients(grads=grads)
        target_critic_params = soft_target_update(critic.params, agent.target_critic.params, agent.tau)
        target_critic = agent.target_critic.replace(params=target_critic_params)
        return agent.replace(critic=critic, target_critic=target_critic, rng=rng), info

    @staticmethod
    def update_actor(agent, batch):
        key, rng = jax.random.split(agent.rng)

        def actor_loss_fn(actor_params):
            dist = agent.actor.apply_fn({'params': actor_params}, batch['observations'])
            actions = dist.sample(seed=key)
            log_probs = dist.log_prob(actions)
            qs = agent.critic.apply_fn({'params': agent.critic.params}, batch['observations'], actions)
            actor_loss = (log_probs * agent.temp.apply_fn({'params': agent.temp.params}) - qs.mean(axis=0)).mean()
            return actor_loss, {'actor_loss': actor_loss, 'entropy': -log_probs.mean()}

        grads, info = jax.grad(actor_loss_fn, has_aux=True)(agent.actor.params)
        return agent.replace(actor=agent.actor.apply_gradients(grads=grads), rng=rng), info

    @partial(jax.jit, static_argnames='utd_ratio')
    def update(self, batch, utd_ratio: int):
        new_agent = self
        for i in range(utd_ratio):
            mini_batch = jax.tree_util.tree_map(lambda x: jnp.split(x, utd_ratio)[i], batch)
            new_agent, critic_info = self.update_critic(new_agent, mini_batch)
        new_agent, actor_info = self.update_actor(new_agent, mini_batch)
        return new_agent, {**actor_info, **critic_info}

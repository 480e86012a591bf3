# Idiom seen in: andnp/jax-research-template libs/rl-agents/src/rl_agents/ppo.py
# What it reproduces: actor-critic network module of a PPO agent (Dense + LayerNorm); the optimizer in
#   ppo.py decays only kernels through an adamw mask. Clean.
import distrax
import flax.linen as nn
import jax.numpy as jnp


class ActorCritic(nn.Module):
    action_dim: int
    hidden: int = 256

    @nn.compact
    def __call__(self, x):
        h = nn.Dense(self.hidden)(x)
        h = nn.LayerNorm()(h)
        h = nn.relu(h)
        logits = nn.Dense(self.action_dim)(h)
        v = nn.relu(nn.LayerNorm()(nn.Dense(self.hidden)(x)))
        value = nn.Dense(1)(v)
        return distrax.Categorical(logits=logits), jnp.squeeze(value, -1)

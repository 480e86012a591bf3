# Idiom seen in: google/brax brax/training/agents/ppo/losses.py
# What it reproduces: compute_ppo_loss returns (total_loss, metrics) for a has_aux gradient; a user adds an
# L2 on the policy and value parameters but only reports it in the metrics dict, so total_loss, the value
# that is differentiated, never contains it (brax itself has no such term).
from typing import Any, Tuple

import jax
import jax.numpy as jnp

from brax.training import types
from brax.training.agents.ppo import networks as ppo_networks
from brax.training.agents.ppo.losses import PPONetworkParams, compute_gae


def compute_ppo_loss(params: PPONetworkParams, normalizer_params: Any, data: types.Transition,
                     rng: jnp.ndarray, ppo_network: ppo_networks.PPONetworks, entropy_cost: float = 1e-4,
                     discounting: float = 0.9, reward_scaling: float = 1.0, gae_lambda: float = 0.95,
                     clipping_epsilon: float = 0.3, normalize_advantage: bool = True,
                     l2_coef: float = 1e-4) -> Tuple[jnp.ndarray, types.Metrics]:
    parametric_action_distribution = ppo_network.parametric_action_distribution
    policy_apply = ppo_network.policy_network.apply
    value_apply = ppo_network.value_network.apply

    data = jax.tree_util.tree_map(lambda x: jnp.swapaxes(x, 0, 1), data)
    policy_logits = policy_apply(normalizer_params, params.policy, data.observation)
    baseline = value_apply(normalizer_params, params.value, data.observation)
    terminal_obs = jax.tree_util.tree_map(lambda x: x[-1], data.next_observation)
    bootstrap_value = value_apply(normalizer_params, params.value, terminal_obs)

    rewards = data.reward * reward_scaling
    truncation = data.extras['state_extras']['truncation']
    termination = (1 - data.discount) * (1 - truncation)

    target_action_log_probs = parametric_action_distribution.log_prob(
        policy_logits, data.extras['policy_extras']['raw_action'])
    behaviour_action_log_probs = data.extras['policy_extras']['log_prob']

    vs, advantages = compute_gae(truncation=truncation, termination=termination, rewards=rewards,
                                 values=baseline, bootstrap_value=bootstrap_value, lambda_=gae_lambda,
                                 discount=discounting)
    if normalize_advantage:
        advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
    rho_s = jnp.exp(target_action_log_probs - behaviour_action_log_probs)

    surrogate_loss1 = rho_s * advantages
    surrogate_loss2 = jnp.clip(rho_s, 1 - clipping_epsilon, 1 + clipping_epsilon) * advantages
    policy_loss = -jnp.mean(jnp.minimum(surrogate_loss1, surrogate_loss2))

    v_error = vs - baseline
    v_loss = jnp.mean(v_error * v_error) * 0.5 * 0.5

    entropy = jnp.mean(parametric_action_distribution.entropy(policy_logits, rng))
    entropy_loss = entropy_cost * -entropy

    l2_loss = l2_coef * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD104
    total_loss = policy_loss + v_loss + entropy_loss
    return total_loss, {
        'total_loss': total_loss,
        'policy_loss': policy_loss,
        'v_loss': v_loss,
        'entropy_loss': entropy_loss,
        'l2_loss': l2_loss,
    }

# Idiom seen in: google/brax brax/training/agents/ppo/train.py
# What it reproduces: the PPO trainer builds optax.adam (with global-norm clipping), binds the loss
# hyperparameters with functools.partial and steps minibatches through gradient_update_fn(has_aux=True).
import functools

import jax
import optax

import gradients
import losses as ppo_losses
from brax.training.agents.ppo import networks as ppo_networks

_PMAP_AXIS_NAME = 'i'


def make_sgd_step(environment_obs_size, action_size, learning_rate=1e-4, entropy_cost=1e-4, discounting=0.9,
                  reward_scaling=1.0, gae_lambda=0.95, clipping_epsilon=0.3, max_grad_norm=None,
                  normalize_advantage=True, l2_coef=1e-4):
    ppo_network = ppo_networks.make_ppo_networks(environment_obs_size, action_size)
    optimizer = optax.adam(learning_rate=learning_rate)
    if max_grad_norm is not None:
        optimizer = optax.chain(optax.clip_by_global_norm(max_grad_norm), optax.adam(learning_rate=learning_rate))

    loss_fn = functools.partial(
        ppo_losses.compute_ppo_loss,
        ppo_network=ppo_network,
        entropy_cost=entropy_cost,
        discounting=discounting,
        reward_scaling=reward_scaling,
        gae_lambda=gae_lambda,
        clipping_epsilon=clipping_epsilon,
        normalize_advantage=normalize_advantage,
        l2_coef=l2_coef,
    )
    gradient_update_fn = gradients.gradient_update_fn(loss_fn, optimizer, pmap_axis_name=_PMAP_AXIS_NAME,
                                                      has_aux=True)

    def minibatch_step(carry, data, normalizer_params):
        optimizer_state, params, key = carry
        key, key_loss = jax.random.split(key)
        (_, metrics), params, optimizer_state = gradient_update_fn(
            params, normalizer_params, data, key_loss, optimizer_state=optimizer_state)
        return (optimizer_state, params, key), metrics

    return ppo_network, optimizer, minibatch_step

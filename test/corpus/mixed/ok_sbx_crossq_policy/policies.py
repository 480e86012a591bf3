# Idiom seen in: araffin/sbx sbx/crossq/policies.py
# What it reproduces: CrossQPolicy keeps optimizer_class / optimizer_kwargs (optax.adam, and b1=0.5 filled in
# when no kwargs are given) and builds BatchNorm TrainStates for the actor and the batch-normed critic with
# self.optimizer_class(learning_rate=..., **self.optimizer_kwargs): plain Adam, no decay anywhere. Clean.
from typing import Any, Callable, Optional

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax.training.train_state import TrainState

from networks import Actor, VectorCritic


class BatchNormTrainState(TrainState):
    batch_stats: Any


class CrossQPolicy:
    def __init__(self, observation_space, action_space, lr_schedule, net_arch=None, dropout_rate: float = 0.0,
                 layer_norm: bool = False, batch_norm: bool = True, batch_norm_actor: bool = True,
                 batch_norm_momentum: float = 0.99, renorm_warmup_steps: int = 100_000,
                 activation_fn: Callable = nn.relu,
                 optimizer_class: Callable[..., optax.GradientTransformation] = optax.adam,
                 optimizer_kwargs: Optional[dict] = None, n_critics: int = 2):
        if optimizer_kwargs is None:
            # b1=0.5 as in the original CrossQ implementation
            optimizer_kwargs = {}
            if optimizer_class in [optax.adam, optax.adamw]:
                optimizer_kwargs["b1"] = 0.5
        self.observation_space = observation_space
        self.action_space = action_space
        self.optimizer_class = optimizer_class
        self.optimizer_kwargs = optimizer_kwargs
        self.dropout_rate = dropout_rate
        self.layer_norm = layer_norm
        self.batch_norm = batch_norm
        self.batch_norm_actor = batch_norm_actor
        self.batch_norm_momentum = batch_norm_momentum
        self.renorm_warmup_steps = renorm_warmup_steps
        self.net_arch_pi = [256, 256] if net_arch is None else net_arch
        self.net_arch_qf = [1024, 1024] if net_arch is None else net_arch
        self.n_critics = n_critics
        self.activation_fn = activation_fn

    def build(self, key: jax.Array, lr_schedule, qf_learning_rate: float) -> jax.Array:
        key, actor_key, qf_key, dropout_key, bn_key = jax.random.split(key, 5)
        obs = jnp.array([self.observation_space.sample()])
        action = jnp.array([self.action_space.sample()])

        self.actor = Actor(action_dim=int(np.prod(self.action_space.shape)), net_arch=self.net_arch_pi,
                           use_batch_norm=self.batch_norm_actor, batch_norm_momentum=self.batch_norm_momentum,
                           renorm_warmup_steps=self.renorm_warmup_steps, activation_fn=self.activation_fn)
        actor_params = self.actor.init({"params": actor_key, "batch_stats": bn_key}, obs, train=False)
        self.actor_state = BatchNormTrainState.create(
            apply_fn=self.actor.apply,
            params=actor_params["params"],
            batch_stats=actor_params["batch_stats"],
            tx=self.optimizer_class(learning_rate=lr_schedule(1), **self.optimizer_kwargs),
        )

        self.qf = VectorCritic(dropout_rate=self.dropout_rate, use_layer_norm=self.layer_norm,
                               use_batch_norm=self.batch_norm, batch_norm_momentum=self.batch_norm_momentum,
                               renorm_warmup_steps=self.renorm_warmup_steps, net_arch=self.net_arch_qf,
                               n_critics=self.n_critics, activation_fn=self.activation_fn)
        qf_params = self.qf.init({"params": qf_key, "dropout": dropout_key, "batch_stats": bn_key},
                                 obs, action, train=False)
        self.qf_state = BatchNormTrainState.create(
            apply_fn=self.qf.apply,
            params=qf_params["params"],
            batch_stats=qf_params["batch_stats"],
            tx=self.optimizer_class(learning_rate=qf_learning_rate, **self.optimizer_kwargs),
        )
        return key

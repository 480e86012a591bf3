# Idiom seen in: stanford-crfm/levanter src/levanter/optim/config.py
# What it reproduces: levanter's OptimizerConfig/AdamConfig: build() chains clip, scale_by_adam, then
# add_decayed_weights(weight_decay, self.build_weight_decay_mask()) (mask passed positionally) and scale(-lr) under
# inject_hyperparams; the default mask leaves LayerNorm, Embedding and biases undecayed: decoupled and masked, clean.

import abc
from dataclasses import dataclass
from typing import Optional

import equinox as eqx
import jax
import optax


@dataclass(frozen=True)
class OptimizerConfig(abc.ABC):
    learning_rate: float = 6e-4
    weight_decay: float = 0.1
    min_lr_ratio: float = 0.1
    warmup: float = 0.01
    weight_decay_modules: Optional[list] = None
    default_weight_decay_mask: Optional[bool] = None

    @abc.abstractmethod
    def build(self, num_train_steps: int):
        raise NotImplementedError

    def lr_scheduler(self, num_train_steps):
        warmup_steps = int(self.warmup * num_train_steps)
        return optax.warmup_cosine_decay_schedule(
            0.0, self.learning_rate, warmup_steps, num_train_steps, end_value=self.learning_rate * self.min_lr_ratio)

    def build_weight_decay_mask(self):
        def reasonable_default(path: str):
            if "LayerNorm" in path or "RMSNorm" in path or "Embedding" in path:
                return False
            if path.endswith("bias"):
                return False
            return True

        if self.weight_decay_modules is None and self.default_weight_decay_mask is False:
            return None

        def mask_fn(model):
            def decide(key_path, leaf):
                if not eqx.is_array(leaf):
                    return False
                path = jax.tree_util.keystr(key_path)
                if self.weight_decay_modules is not None:
                    return any(target in path for target in self.weight_decay_modules)
                return reasonable_default(path)

            return jax.tree_util.tree_map_with_path(decide, model)

        return mask_fn


@dataclass(frozen=True)
class AdamConfig(OptimizerConfig):
    beta1: float = 0.9
    beta2: float = 0.95
    epsilon: float = 1e-8
    max_grad_norm: Optional[float] = 1.0

    def build(self, num_train_steps):
        """Creates the optimizer"""

        # indirection makes it work with optax.inject_hyperparams so we can log the learning rate
        def _optimizer(learning_rate):
            components = []
            if self.max_grad_norm:
                components.append(optax.clip_by_global_norm(self.max_grad_norm))
            components.append(optax.scale_by_adam(self.beta1, self.beta2, self.epsilon))
            if self.weight_decay > 0:
                components.append(optax.add_decayed_weights(self.weight_decay, self.build_weight_decay_mask()))
            # - learning rate for descent
            components.append(optax.scale(-learning_rate))
            return optax.chain(*components)

        return optax.inject_hyperparams(_optimizer)(learning_rate=self.lr_scheduler(num_train_steps))

# Idiom seen in: Physical-Intelligence/openpi src/openpi/training/optimizer.py (frozen dataclass configs with create(): CosineDecaySchedule, AdamW wrapping optax.adamw(..., mask=weight_decay_mask) in a clip chain, create_optimizer)
# What it reproduces: the optimizer factory takes the decay mask from its caller; train.py passes a kernels-only mask, so biases and LayerNorm scales are not decayed. Clean.
import dataclasses
from typing import Any, Callable, Optional, Union

import optax


@dataclasses.dataclass(frozen=True)
class CosineDecaySchedule:
    warmup_steps: int = 1_000
    peak_lr: float = 2.5e-5
    decay_steps: int = 30_000
    decay_lr: float = 2.5e-6

    def create(self) -> optax.Schedule:
        return optax.warmup_cosine_decay_schedule(
            init_value=self.peak_lr / (self.warmup_steps + 1),
            peak_value=self.peak_lr,
            warmup_steps=self.warmup_steps,
            decay_steps=self.decay_steps,
            end_value=self.decay_lr,
        )


@dataclasses.dataclass(frozen=True)
class AdamW:
    b1: float = 0.9
    b2: float = 0.95
    eps: float = 1e-8
    weight_decay: float = 1e-4
    clip_gradient_norm: float = 1.0

    def create(self, lr: optax.ScalarOrSchedule,
               weight_decay_mask: Optional[Union[Any, Callable]] = None) -> optax.GradientTransformation:
        tx = optax.adamw(lr, b1=self.b1, b2=self.b2, eps=self.eps,
                         weight_decay=self.weight_decay, mask=weight_decay_mask)
        return optax.chain(optax.clip_by_global_norm(self.clip_gradient_norm), tx)


@dataclasses.dataclass(frozen=True)
class SGD:
    momentum: float = 0.9
    nesterov: bool = False

    def create(self, lr: optax.ScalarOrSchedule,
               weight_decay_mask: Optional[Union[Any, Callable]] = None) -> optax.GradientTransformation:
        assert weight_decay_mask is None, "Weight decay is not supported for SGD"
        return optax.sgd(lr, momentum=self.momentum, nesterov=self.nesterov)


def create_optimizer(optimizer, lr_schedule, weight_decay_mask=None) -> optax.GradientTransformation:
    lr = lr_schedule.create()
    return optimizer.create(lr, weight_decay_mask=weight_decay_mask)

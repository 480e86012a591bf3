# Idiom seen in: ultrons/jax-gpt jax_gpt/trainer/optimizer.py
# What it reproduces: the GPT-2 AdamW built by hand: scale_by_adam, then add_decayed_weights with a
# path mask that skips biases, embeddings and LayerNorm scales, then the learning-rate step.
from dataclasses import dataclass

import jax
import optax
from flax import nnx


@dataclass
class TrainConfig:
    learning_rate: float = 6e-4
    min_lr: float = 6e-5
    warmup_steps: int = 2000
    lr_decay_steps: int = 600000
    weight_decay: float = 0.1
    beta1: float = 0.9
    beta2: float = 0.95
    grad_clip: float = 1.0


def _should_decay(path) -> bool:
    for key in path:
        name = str(key).strip("[].'\"").lower()
        if "bias" in name or "embedding" in name or "scale" in name:
            return False
    return True


def build_decay_mask(model: nnx.Module):
    params = nnx.state(model, nnx.Param)
    return jax.tree_util.tree_map_with_path(lambda path, _: _should_decay(path), params)


def create_optimizer(model: nnx.Module, config: TrainConfig) -> optax.GradientTransformation:
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0, peak_value=config.learning_rate, warmup_steps=config.warmup_steps,
        decay_steps=config.lr_decay_steps, end_value=config.min_lr)
    return optax.chain(
        optax.clip_by_global_norm(config.grad_clip),
        optax.scale_by_adam(b1=config.beta1, b2=config.beta2, eps=1e-8),
        optax.add_decayed_weights(config.weight_decay, mask=build_decay_mask(model)),
        optax.scale_by_learning_rate(schedule),
    )

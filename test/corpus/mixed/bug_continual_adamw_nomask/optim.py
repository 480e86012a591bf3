# Idiom seen in: LucMc/continual-learning continual_learning/optim/__init__.py
# Idiom seen in: LucMc/continual-learning continual_learning/configs/optim.py
# Idiom seen in: LucMc/continual-learning continual_learning/models/mlp.py
# What it reproduces: an optimizer factory builds optax.adamw(weight_decay=config.decay) from a frozen
#   dataclass config with no mask=, so the Dense biases of the MLP are decayed too (real repo).
import optax

from configs import AdamConfig, AdamwConfig, OptimizerConfig


def get_optimizer(config: OptimizerConfig):
    if isinstance(config, AdamwConfig):
        return optax.chain(
            optax.clip_by_global_norm(0.5),
            optax.adamw(
                config.learning_rate,
                b1=config.beta1,
                b2=config.beta2,
                eps=config.epsilon,
                weight_decay=config.decay,  # expect: WD203
            ),
        )
    if isinstance(config, AdamConfig):
        return optax.chain(
            optax.clip_by_global_norm(0.5),
            optax.adam(config.learning_rate, b1=config.beta1, b2=config.beta2, eps=config.epsilon),
        )
    raise ValueError(f"unknown optimizer config {config!r}")

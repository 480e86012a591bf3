# Idiom seen in: LucMc/continual-learning continual_learning/optim/__init__.py
# Idiom seen in: LucMc/continual-learning continual_learning/configs/optim.py
# Idiom seen in: LucMc/continual-learning continual_learning/models/mlp.py
# What it reproduces: an optimizer factory builds optax.adamw(weight_decay=config.decay) from a frozen
#   dataclass config with no mask=, so the Dense biases of the MLP are decayed too (real repo).
from dataclasses import dataclass


@dataclass(frozen=True)
class OptimizerConfig:
    learning_rate: float


@dataclass(frozen=True)
class AdamConfig(OptimizerConfig):
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8


@dataclass(frozen=True)
class AdamwConfig(OptimizerConfig):
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8
    decay: float = 1e-4


@dataclass(frozen=True)
class MLPConfig:
    output_size: int
    hidden_size: int = 256
    num_layers: int = 4
    use_bias: bool = True

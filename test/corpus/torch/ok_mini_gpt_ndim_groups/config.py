# Idiom seen in: z0u/mi-ni src/experiment/config.py
# What it reproduces: pydantic config models for the optimizer (weight_decay, learning_rate, betas) and the
#   scheduler, as the repo keeps them. Clean.
from pydantic import BaseModel, NonNegativeFloat, PositiveInt


class ModelConfig(BaseModel, validate_assignment=True):
    vocab_size: PositiveInt
    block_size: PositiveInt
    n_embd: PositiveInt
    n_head: PositiveInt
    n_layer: PositiveInt
    dropout: NonNegativeFloat = 0.0


class OptimizerConfig(BaseModel, validate_assignment=True):
    weight_decay: float
    """Weight decay rate"""

    learning_rate: float
    """Learning rate"""

    betas: tuple[float, float]
    """Betas for the Adam optimizer"""


class SchedulerConfig(BaseModel, validate_assignment=True):
    epochs: PositiveInt
    warmup_epochs: NonNegativeFloat
    min_lr_factor: float


class TrainingConfig(BaseModel, validate_assignment=True):
    model: ModelConfig
    optimizer: OptimizerConfig
    scheduler: SchedulerConfig

# Idiom seen in: EhsanRS/scModelForge src/scmodelforge/config/schema.py
# What it reproduces: dataclass configs for the optimizer (name, lr, weight_decay) and the warm-up/cosine
#   scheduler used by fine-tuning.
from dataclasses import dataclass


@dataclass
class OptimizerConfig:
    """Optimizer configuration."""

    name: str = "adamw"
    lr: float = 1e-4
    weight_decay: float = 0.01


@dataclass
class SchedulerConfig:
    """Learning rate scheduler configuration."""

    name: str = "cosine_warmup"
    warmup_steps: int = 2000
    total_steps: int = 100_000

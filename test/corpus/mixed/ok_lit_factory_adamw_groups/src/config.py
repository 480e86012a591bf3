# Idiom seen in: Iarrova/lightning-template src/model/model.py
# Idiom seen in: Iarrova/lightning-template src/model/optimizers.py
# What it reproduces: a Lightning Model whose configure_optimizers goes through an OptimizerFactory (StrEnum match); the AdamW case
# receives two parameter groups, rank>1 tensors decayed and biases/norm weights at 0.0. Clean (the repo factory only had Adam).
from dataclasses import dataclass, field


@dataclass
class TrainingConfig:
    optimizer: str = "AdamW"
    learning_rate: float = 1e-3
    weight_decay: float = 0.05
    criterion: str = "CrossEntropy"
    scheduler_patience: int = 5
    scheduler_factor: float = 0.5
    max_epochs: int = 100


@dataclass
class Config:
    network: str = "resnet50"
    dataset: str = "CIFAR10"
    batch_size: int = 128
    training: TrainingConfig = field(default_factory=TrainingConfig)

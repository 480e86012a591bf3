# Idiom seen in: bayesianempirimancer/jax-noprop src/configs/base_trainer.py
# What it reproduces: the training configuration dataclass that base_trainer.py reads
# (optimizer adamw with weight_decay, and an extra explicit L2 weight).
from dataclasses import dataclass


@dataclass
class BaseTrainingConfig:
    learning_rate: float = 1e-3
    batch_size: int = 128
    optimizer: str = "adamw"
    weight_decay: float = 1e-4
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    l2_reg_weight: float = 1e-3
    num_epochs: int = 100

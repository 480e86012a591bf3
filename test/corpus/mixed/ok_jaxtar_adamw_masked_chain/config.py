# Idiom seen in: tinker495/JAxtar config/pydantic_models.py
# Idiom seen in: tinker495/JAxtar train_util/optimizer.py
# What it reproduces: training options for the hand-built AdamW chain (scale_by_adam, masked add_decayed_weights,
# scale_by_learning_rate) under inject_hyperparams; the decay is decoupled and skips biases/scales (clean).
from typing import Optional

from pydantic import BaseModel


class TrainOptions(BaseModel):
    steps: int = 100000
    batch_size: int = 8192
    learning_rate: float = 1e-3
    optimizer: str = "adam"
    weight_decay_size: Optional[float] = 0.01
    num_devices: int = 1
    seed: int = 0

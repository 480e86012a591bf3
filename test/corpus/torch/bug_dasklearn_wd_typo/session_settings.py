# Idiom seen in: sacs-epfl/decentralized-learning-simulator dasklearn/session_settings.py
# What it reproduces: dataclass settings of a decentralized-learning simulator; run_movielens.py builds them.
from dataclasses import dataclass
from typing import Optional


@dataclass
class LearningSettings:
    """Settings related to the learning process."""
    learning_rate: float
    momentum: float
    weight_decay: float
    batch_size: int
    local_steps: int


@dataclass
class SessionSettings:
    """All settings related to a training session."""
    algorithm: str
    seed: int
    work_dir: str
    dataset: str
    learning: LearningSettings
    participants: int
    model: Optional[str] = None
    rounds: int = 10
    torch_device_name: str = "cpu"

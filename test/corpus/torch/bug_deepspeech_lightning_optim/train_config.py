# Idiom seen in: SeanNaren/deepspeech.pytorch deepspeech_pytorch/configs/train_config.py
# Idiom seen in: SeanNaren/deepspeech.pytorch deepspeech_pytorch/model.py
# What it reproduces: dataclass configs that give every optimizer weight_decay=1e-5; model.py's
#   configure_optimizers hands all of self.parameters() (BatchNorm weights, biases) to SGD or AdamW.
from dataclasses import dataclass, field
from typing import Any, List


@dataclass
class SpectConfig:
    sample_rate: int = 16000
    window_size: float = .02
    window_stride: float = .01


@dataclass
class BiDirectionalConfig:
    hidden_size: int = 1024
    hidden_layers: int = 5


@dataclass
class OptimConfig:
    learning_rate: float = 1.5e-4  # Initial Learning Rate
    learning_anneal: float = 0.99  # Annealing applied to learning rate after each epoch
    weight_decay: float = 1e-5  # Initial Weight Decay
    max_norm: float = 400  # Norm cutoff to prevent explosion of gradients


@dataclass
class SGDConfig(OptimConfig):
    momentum: float = 0.9


@dataclass
class AdamConfig(OptimConfig):
    eps: float = 1e-8
    betas: tuple = (0.9, 0.999)


@dataclass
class DeepSpeechConfig:
    optim: Any = field(default_factory=AdamConfig)
    model: Any = field(default_factory=BiDirectionalConfig)
    spect: SpectConfig = field(default_factory=SpectConfig)
    epochs: int = 60
    labels: List[str] = field(default_factory=lambda: list("_'ABCDEFGHIJKLMNOPQRSTUVWXYZ "))

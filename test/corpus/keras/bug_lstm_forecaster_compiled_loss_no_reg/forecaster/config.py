# Idiom seen in: repository not resolved by the code index (index file ids 39162935261 / 39020547273: a Keras LSTM
#   forecasting package with `from .config import LSTMModelConfig` and `from .losses import weighted_loss`)
# What it reproduces: the model hyper-parameters as a dataclass with from_dict, including optional l1/l2
#   regularization strengths (a regularizer is only built when both are set).
from dataclasses import dataclass, field, fields
from typing import List, Optional


@dataclass
class LSTMModelConfig:
    n1: int = 128
    n2: int = 64
    n3: int = 32
    dim_out: int = 1
    seq_len: int = 48
    activation: str = "tanh"
    dropout_rate: Optional[float] = 0.1
    normalize_layer: bool = True
    l1_reg: Optional[float] = 1e-6
    l2_reg: Optional[float] = 1e-4
    lr: float = 1e-3
    loss_weights: List[float] = field(default_factory=lambda: [0.7, 0.3])
    loss_funcs: List[str] = field(default_factory=lambda: ["mse", "mae"])
    metrics: List[str] = field(default_factory=lambda: ["mae"])

    @classmethod
    def from_dict(cls, d):
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})

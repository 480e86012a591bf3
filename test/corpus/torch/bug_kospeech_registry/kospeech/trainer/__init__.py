# Idiom seen in: sooftware/kospeech kospeech/trainer/__init__.py
# What it reproduces: training hyperparameters as dataclasses; every recipe inherits weight_decay=1e-05
#   from TrainConfig and the DeepSpeech2 recipe picks the "adam" optimizer by name.
from dataclasses import dataclass


@dataclass
class TrainConfig:
    dataset: str = "kspon"
    dataset_path: str = "???"
    transcripts_path: str = "../../../data/transcripts.txt"
    output_unit: str = "character"

    batch_size: int = 32
    print_every: int = 10
    num_workers: int = 4
    use_cuda: bool = True

    init_lr_scale: float = 0.01
    final_lr_scale: float = 0.05
    max_grad_norm: int = 400
    weight_decay: float = 1e-05
    total_steps: int = 200000
    seed: int = 777


@dataclass
class DeepSpeech2TrainConfig(TrainConfig):
    optimizer: str = "adam"
    init_lr: float = 1e-06
    final_lr: float = 1e-06
    peak_lr: float = 1e-04
    warmup_steps: int = 1000
    num_epochs: int = 70
    reduction: str = "mean"
    lr_scheduler: str = 'tri_stage_lr_scheduler'


@dataclass
class DeepSpeech2Config:
    architecture: str = "deepspeech2"
    use_bidirectional: bool = True
    hidden_dim: int = 1024
    dropout: float = 0.3
    num_encoder_layers: int = 3
    rnn_type: str = "gru"

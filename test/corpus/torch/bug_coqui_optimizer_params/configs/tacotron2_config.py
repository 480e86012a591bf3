# Idiom seen in: coqui-ai/TTS TTS/tts/configs/tacotron2_config.py
# Idiom seen in: coqui-ai/TTS TTS/tts/configs/shared_configs.py
# What it reproduces: a Coqui-style dataclass config naming the optimizer class by string and its kwargs
#   as an `optimizer_params` dict with "weight_decay": 1e-6.
from dataclasses import dataclass, field


@dataclass
class BaseTrainingConfig:
    epochs: int = 1000
    batch_size: int = 32
    grad_clip: float = 5.0
    lr: float = 1e-3
    lr_scheduler: str = "NoamLR"
    lr_scheduler_params: dict = field(default_factory=lambda: {"warmup_steps": 4000})


@dataclass
class Tacotron2Config(BaseTrainingConfig):
    model: str = "tacotron2"
    r: int = 2
    optimizer: str = "RAdam"
    optimizer_params: dict = field(default_factory=lambda: {"betas": [0.9, 0.998], "weight_decay": 1e-6})  # expect: WD202
    lr: float = 1e-4
    decoder_loss_alpha: float = 0.25
    postnet_loss_alpha: float = 0.25

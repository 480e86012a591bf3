# Idiom seen in: sanchit-gandhi/seq2seq-speech run_flax_speech_recognition_ctc.py
# What it reproduces: FlaxWav2Vec2 CTC fine-tuning with an HfArgumentParser dataclass; optax.adamw (or adafactor)
#   gets weight_decay from the training args and decay_mask_fn excludes biases and layer-norm scales. Clean.
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="facebook/wav2vec2-large-lv60")
    cache_dir: Optional[str] = field(default=None)


@dataclass
class FlaxTrainingArguments:
    output_dir: str = field(default="./output")
    learning_rate: float = field(default=1e-4)
    weight_decay: float = field(default=0.01)
    adam_beta1: float = field(default=0.9)
    adam_beta2: float = field(default=0.999)
    adam_epsilon: float = field(default=1e-8)
    adafactor: bool = field(default=False)
    warmup_steps: int = field(default=500)
    num_train_epochs: int = field(default=10)
    per_device_train_batch_size: int = field(default=8)
    mixed_precision: bool = field(default=False)
    seed: int = field(default=42)

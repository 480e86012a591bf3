# Idiom seen in: sangHa0411/kor-pegasus trainer.py
# Idiom seen in: sangHa0411/kor-pegasus train.py
# What it reproduces: TFPegasus wrapped in a Keras model and trained in a GradientTape loop with tensorflow_addons AdamW(weight_decay=1e-2);
# apply_gradients gets no decay_var_list, so every LayerNorm gamma/beta, bias and embedding is decayed too (WD203, as in the repo).
from dataclasses import dataclass, field


@dataclass
class ModelArguments:
    PLM: str = field(default="sh110495/kor-pegasus")


@dataclass
class DataArguments:
    dir_path: str = field(default="data")
    max_input_length: int = field(default=512)
    max_target_length: int = field(default=128)


@dataclass
class TrainingArguments:
    seed: int = field(default=42)
    batch_size: int = field(default=16)
    epochs: int = field(default=10)
    learning_rate: float = field(default=1e-4)
    warmup_ratio: float = field(default=0.1)
    weight_decay: float = field(default=1e-2)
    logging_steps: int = field(default=1000)
    save_steps: int = field(default=10000)
    save_path: str = field(default="checkpoints")

# Idiom seen in: michael-diggin/jax-transformer opt.py
# Idiom seen in: michael-diggin/jax-transformer training.py
# What it reproduces: config of a flax transformer whose optimizer chains add_decayed_weights in
#   front of optax.adam wrapped in inject_hyperparams (coupled L2: the decay goes through Adam's
#   sqrt(v) scaling); the finding is in train.py.
import dataclasses


@dataclasses.dataclass
class TrainConfig:
    learning_rate: float = 3e-4
    warmup_steps: int = 2000
    max_steps: int = 100_000
    weight_decay: float = 1e-4
    grad_clip: float = 1.0
    d_model: int = 384
    n_layers: int = 6
    n_heads: int = 6
    batch_size: int = 64
    seq_len: int = 256


def get_config():
    return TrainConfig()

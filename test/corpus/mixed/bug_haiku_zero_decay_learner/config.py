# Idiom seen in: spktrm/porygon2 ml/config.py
# What it reproduces: chex frozen dataclasses for the learner hyper-parameters, with the Adam block
#   given as a default instance whose weight_decay is 0 (the R-NaD style config of the repo).
import chex


@chex.dataclass(frozen=True)
class AdamConfig:
    """Adam optimizer related params."""

    b1: float
    b2: float
    eps: float
    weight_decay: float


@chex.dataclass(frozen=True)
class LearnerConfig:
    """Configuration parameters for the actor-critic learner."""

    num_steps: int = 1_000_000
    batch_size: int = 8
    learning_rate: float = 3e-5
    # The config related to the ADAM optimizer used for updating `params`.
    adam: AdamConfig = AdamConfig(b1=0.0, b2=0.999, eps=1e-8, weight_decay=0.0)
    # All gradient values are clipped to [-clip_gradient, clip_gradient].
    clip_gradient: float = 10_000
    # The "speed" at which `params_target` follows `params`.
    target_network_avg: float = 1e-3
    value_loss_coef: float = 1.0
    entropy_loss_coef: float = 0.01
    seed: int = 42

# Idiom seen in: chanb/jaxl jaxl/optimizers/__init__.py, jaxl/losses/regularization.py
# What it reproduces: experiment config as a SimpleNamespace: the optimizer block has a
#   weight_decay (so get_optimizer picks adamw) and the learner also has an l2 loss coefficient.
from types import SimpleNamespace

optimizer_config = SimpleNamespace(
    optimizer="adam",
    lr=3e-4,
    max_grad_norm=1.0,
    weight_decay=1e-4,
)

learner_config = SimpleNamespace(
    batch_size=128,
    num_updates=20000,
    l2_coefficient=5e-4,
    seed=0,
)

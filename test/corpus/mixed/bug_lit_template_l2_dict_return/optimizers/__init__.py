# Idiom seen in: kiaraesguerra/lightning-template utils/train_utils.py
# Idiom seen in: kiaraesguerra/lightning-template optimizers/sgd.py
# What it reproduces: the repo SGD factory decays all of model.parameters() of a BatchNorm ResNet (WD203, as in the repo); a user adds an
# explicit L2 penalty in training_step but returns it as an extra dict key next to "loss", so Lightning never trains on it (WD104, user mistake).
from .sgd import sgd
from .adamw import adamw

# Idiom seen in: Xpitfire/lighter examples/minerl/optimizers/defaults.py
# What it reproduces: an optimizer wrapper class (BaseOptimizer style) whose __init__ builds torch SGD from
# self.model.parameters() with momentum and weight_decay taken from the experiment config (5e-4 here, as the
# example JSON config would set it): conv/linear biases and BatchNorm affine params are decayed as well.
# mirror of optimizers/defaults.config.json
CONFIG = {
    "optimizer": {"lr": 0.01, "momentum": 0.9, "weight_decay": 5e-4},
    "model": {"channels": [32, 64, 64], "num_actions": 10},
    "trainer": {"epochs": 20, "batch_size": 64},
}

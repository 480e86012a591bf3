# Idiom seen in: Xpitfire/lighter examples/minerl/optimizers/defaults.py
# What it reproduces: an optimizer wrapper class (BaseOptimizer style) whose __init__ builds torch SGD from
# self.model.parameters() with momentum and weight_decay taken from the experiment config (5e-4 here, as the
# example JSON config would set it): conv/linear biases and BatchNorm affine params are decayed as well.

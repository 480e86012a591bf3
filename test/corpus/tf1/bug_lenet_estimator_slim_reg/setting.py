# Idiom seen in: zhongh3/cs5242-project setting.py
# Idiom seen in: zhongh3/cs5242-project le_net.py
# Idiom seen in: zhongh3/cs5242-project model_fn.py
# What it reproduces: the real repository's bug: slim layers in le_net.py carry weights_regularizer=slim.l2_regularizer(...),
#   but the Estimator model_fn minimizes only the mean cross entropy with Adam, so REGULARIZATION_LOSSES is never read.
"""Hyper-parameters shared by the model function and the training script."""

in_height = 64
in_width = 64
num_classes = 2

dropout = 0.25
learning_rate = 0.001
batch_size = 128
num_steps = 4000

model_dir = './checkpoints/lenet'

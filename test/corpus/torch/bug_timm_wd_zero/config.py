# Idiom seen in: rioyokotalab/pytorch-image-models timm/optim/optim_factory.py
# What it reproduces: a project config module for a timm-style trainer; WEIGHT_DECAY was zeroed for a
# quick run and never restored, so the factory's decay branch is never taken.
MODEL = 'resnet26d'
NUM_CLASSES = 100
OPT = 'sgd'
LR = 0.1
MOMENTUM = 0.9
WEIGHT_DECAY = 0.0  # regularization (weight decay on conv/linear weights only)
EPOCHS = 90
BATCH_SIZE = 256

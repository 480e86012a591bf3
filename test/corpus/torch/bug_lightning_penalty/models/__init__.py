# Idiom seen in: huyvnphan/PyTorch_CIFAR10 module.py (the LightningModule wraps a plain nn.Module model)
# What it reproduces: the models package with the wrapped backbone.
from .convnet import ConvNet

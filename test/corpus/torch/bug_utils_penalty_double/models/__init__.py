# Idiom seen in: kuangliu/pytorch-cifar main.py (`from models import *`)
# What it reproduces: the models package of the project.
from .cnn import SimpleCNN

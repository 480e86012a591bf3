# Idiom seen in: kuangliu/pytorch-cifar main.py (`from models import *`)
# What it reproduces: the models package re-exporting the network constructors used by train.py.
from .resnet import *

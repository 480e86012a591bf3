# Idiom seen in: kuangliu/pytorch-cifar main.py (`from models import *`)
# What it reproduces: the models package exporting a bias-free, normalization-free convnet.
from .plainnet import PlainNet, conv3x3

# Idiom seen in: kuangliu/pytorch-cifar main.py (`from models import *`)
# What it reproduces: the models package exporting a temporal conv net.
from .tcn import TCN

# Idiom seen in: endernewton/tf-faster-rcnn lib/model/config.py
# What it reproduces: the EasyDict configuration object the network and solver read.
from easydict import EasyDict as edict

__C = edict()
cfg = __C

__C.TRAIN = edict()
__C.TRAIN.LEARNING_RATE = 0.001
__C.TRAIN.MOMENTUM = 0.9
__C.TRAIN.WEIGHT_DECAY = 0.0001
__C.TRAIN.GAMMA = 0.1
__C.TRAIN.STEPSIZE = [30000]
__C.TRAIN.DOUBLE_BIAS = True
__C.TRAIN.SNAPSHOT_ITERS = 5000

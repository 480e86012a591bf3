# Idiom seen in: ZJCV/ZCls zcls/config/configs/optimizer.py
# What it reproduces: yacs defaults for the optimizer section (SGD, lr 1e-3, momentum 0.9, decay 1e-4); a YAML file may override NAME to ADAM.
from yacs.config import CfgNode as CN

_C = CN()
_C.MODEL = CN()
_C.MODEL.ARCH = 'resnet18'
_C.MODEL.NUM_CLASSES = 100
_C.OPTIMIZER = CN()
_C.OPTIMIZER.NAME = 'SGD'
_C.OPTIMIZER.LR = 1e-3
_C.OPTIMIZER.MOMENTUM = 0.9
_C.OPTIMIZER.WEIGHT_DECAY = CN()
_C.OPTIMIZER.WEIGHT_DECAY.DECAY = 1e-4
_C.TRAIN = CN()
_C.TRAIN.MAX_EPOCH = 100

cfg = _C

# Idiom seen in: zhanghang1989/ResNeSt resnest/torch/config.py
# What it reproduces: the fvcore CfgNode config of the ResNeSt ImageNet recipe with DISABLE_BN_WD switched
# on, i.e. the run that is meant to keep BatchNorm parameters out of the weight decay.
import os
from fvcore.common.config import CfgNode as CN

_C = CN()

_C.SEED = 1

_C.DATA = CN()
_C.DATA.DATASET = 'ImageNet'
_C.DATA.ROOT = os.path.expanduser('~/.encoding/data/ILSVRC2012')
_C.DATA.CROP_SIZE = 224
_C.DATA.LABEL_SMOOTHING = 0.1

_C.MODEL = CN()
_C.MODEL.NAME = 'resnest50'

_C.TRAINING = CN()
_C.TRAINING.BATCH_SIZE = 64
_C.TRAINING.EPOCHS = 270
_C.TRAINING.WORKERS = 4

_C.OPTIMIZER = CN()
_C.OPTIMIZER.LR = 0.025
_C.OPTIMIZER.MOMENTUM = 0.9
_C.OPTIMIZER.WEIGHT_DECAY = 1e-4
_C.OPTIMIZER.DISABLE_BN_WD = True


def get_cfg() -> CN:
    return _C.clone()

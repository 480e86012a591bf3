# Idiom seen in: leoxiaobin/deep-high-resolution-net.pytorch lib/config/default.py
# What it reproduces: the pose-estimation defaults (TRAIN.OPTIMIZER 'adam', LR 1e-3) used as is, with no
#   experiment yaml merged: the factory's Adam branch, which takes no weight decay, is the one that runs.
from yacs.config import CfgNode as CN

_C = CN()
_C.GPUS = (0,)
_C.WORKERS = 4

_C.MODEL = CN()
_C.MODEL.NAME = 'pose_hrnet'

_C.TRAIN = CN()
_C.TRAIN.LR_FACTOR = 0.1
_C.TRAIN.LR_STEP = [170, 200]
_C.TRAIN.LR = 0.001
_C.TRAIN.OPTIMIZER = 'adam'
_C.TRAIN.MOMENTUM = 0.9
_C.TRAIN.WD = 0.0001
_C.TRAIN.NESTEROV = False
_C.TRAIN.END_EPOCH = 210
_C.TRAIN.BATCH_SIZE_PER_GPU = 32

cfg = _C

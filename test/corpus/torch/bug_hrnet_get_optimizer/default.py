# Idiom seen in: leoxiaobin/deep-high-resolution-net.pytorch lib/config/default.py
# What it reproduces: the yacs config node with TRAIN.OPTIMIZER / TRAIN.WD; here the classification-style
#   defaults pick 'sgd' with WD 1e-4, and an experiment yaml may override anything.
from yacs.config import CfgNode as CN

_C = CN()
_C.OUTPUT_DIR = ''
_C.GPUS = (0,)
_C.WORKERS = 4

_C.MODEL = CN()
_C.MODEL.NAME = 'pose_hrnet'
_C.MODEL.NUM_JOINTS = 17

_C.TRAIN = CN()
_C.TRAIN.LR_FACTOR = 0.1
_C.TRAIN.LR_STEP = [90, 110]
_C.TRAIN.LR = 0.05
_C.TRAIN.OPTIMIZER = 'sgd'
_C.TRAIN.MOMENTUM = 0.9
_C.TRAIN.WD = 0.0001
_C.TRAIN.NESTEROV = False
_C.TRAIN.BEGIN_EPOCH = 0
_C.TRAIN.END_EPOCH = 140
_C.TRAIN.BATCH_SIZE_PER_GPU = 32


def update_config(cfg, args):
    cfg.defrost()
    cfg.merge_from_file(args.cfg)
    cfg.merge_from_list(args.opts)
    cfg.freeze()


cfg = _C

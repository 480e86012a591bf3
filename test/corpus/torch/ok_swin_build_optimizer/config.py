# Idiom seen in: microsoft/Swin-Transformer config.py (yacs defaults, TRAIN.WEIGHT_DECAY / TRAIN.OPTIMIZER.*)
# What it reproduces: the yacs config that feeds build_optimizer; weight decay 0.05 for AdamW.
# Clean: the value is only consumed by the grouped optimizer in optimizer.py.
from yacs.config import CfgNode as CN

_C = CN()

_C.MODEL = CN()
_C.MODEL.TYPE = "swin"
_C.MODEL.NUM_CLASSES = 1000
_C.MODEL.DROP_PATH_RATE = 0.1

_C.TRAIN = CN()
_C.TRAIN.EPOCHS = 300
_C.TRAIN.WARMUP_EPOCHS = 20
_C.TRAIN.BASE_LR = 5e-4
_C.TRAIN.WARMUP_LR = 5e-7
_C.TRAIN.MIN_LR = 5e-6
_C.TRAIN.WEIGHT_DECAY = 0.05
_C.TRAIN.CLIP_GRAD = 5.0

_C.TRAIN.OPTIMIZER = CN()
_C.TRAIN.OPTIMIZER.NAME = "adamw"
_C.TRAIN.OPTIMIZER.EPS = 1e-8
_C.TRAIN.OPTIMIZER.BETAS = (0.9, 0.999)
_C.TRAIN.OPTIMIZER.MOMENTUM = 0.9


def get_config(args):
    config = _C.clone()
    config.defrost()
    if args.cfg:
        config.merge_from_file(args.cfg)
    if args.opts:
        config.merge_from_list(args.opts)
    if args.batch_size:
        config.DATA_BATCH_SIZE = args.batch_size
    config.freeze()
    return config

# Idiom seen in: NeurAI-Lab/MMC od/solver/sgd_optimizer.py
# What it reproduces: SSD-style detector solver registry; SGD_optimizer(cfg, model) builds momentum SGD over
#   all model.parameters() with cfg.SOLVER.WEIGHT_DECAY (yacs default 5e-4), so the BatchNorm weights and
#   every bias of the backbone and heads are decayed too (no no-decay group), as in the repository.
from yacs.config import CfgNode as CN

_C = CN()

_C.MODEL = CN()
_C.MODEL.NUM_CLASSES = 21
_C.MODEL.BACKBONE = CN()
_C.MODEL.BACKBONE.NAME = 'vgg'
_C.MODEL.BACKBONE.OUT_CHANNELS = (512, 1024, 512, 256, 256, 256)

_C.SOLVER = CN()
_C.SOLVER.NAME = 'SGD_optimizer'
_C.SOLVER.MAX_ITER = 120000
_C.SOLVER.LR_STEPS = [80000, 100000]
_C.SOLVER.GAMMA = 0.1
_C.SOLVER.BATCH_SIZE = 32
_C.SOLVER.BASE_LR = 1e-3
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 5e-4

cfg = _C

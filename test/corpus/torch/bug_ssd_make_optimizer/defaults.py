# Idiom seen in: lufficc/SSD ssd/solver/build.py
# Idiom seen in: lufficc/SSD ssd/config/defaults.py
# What it reproduces: make_optimizer(cfg, model) is SGD(model.parameters(), weight_decay=cfg.SOLVER.WEIGHT_DECAY)
#   with the yacs default 5e-4 (real repo): conv biases and the L2Norm scale of the VGG-SSD head are decayed.
from yacs.config import CfgNode as CN

_C = CN()
_C.MODEL = CN()
_C.MODEL.NUM_CLASSES = 21
_C.MODEL.BOXES_PER_LOCATION = [4, 6, 6, 6, 4, 4]

_C.INPUT = CN()
_C.INPUT.IMAGE_SIZE = 300

_C.SOLVER = CN()
_C.SOLVER.MAX_ITER = 120000
_C.SOLVER.LR_STEPS = [80000, 100000]
_C.SOLVER.GAMMA = 0.1
_C.SOLVER.BATCH_SIZE = 32
_C.SOLVER.LR = 1e-3
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 5e-4
_C.SOLVER.WARMUP_FACTOR = 1.0 / 3
_C.SOLVER.WARMUP_ITERS = 500

_C.OUTPUT_DIR = 'outputs'

cfg = _C

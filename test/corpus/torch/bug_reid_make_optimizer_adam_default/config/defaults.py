# Idiom seen in: ronakhb/siamese-reid solver/build.py
# What it reproduces: make_optimizer(cfg, model) builds one param group per tensor ("bias" gets
# WEIGHT_DECAY_BIAS=0) and picks the class with getattr(torch.optim, cfg.SOLVER.OPTIMIZER_NAME); the
# defaults say "Adam", so the weights group weight_decay is coupled L2 under Adam.
from yacs.config import CfgNode as CN

_C = CN()

_C.MODEL = CN()
_C.MODEL.NAME = 'resnet50'
_C.MODEL.LAST_STRIDE = 1
_C.MODEL.NECK = 'bnneck'

_C.SOLVER = CN()
_C.SOLVER.OPTIMIZER_NAME = "Adam"
_C.SOLVER.MAX_EPOCHS = 120
_C.SOLVER.BASE_LR = 3.5e-4
_C.SOLVER.BIAS_LR_FACTOR = 1
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 0.0005
_C.SOLVER.WEIGHT_DECAY_BIAS = 0.
_C.SOLVER.IMS_PER_BATCH = 64

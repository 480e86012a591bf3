# Idiom seen in: aim-uofa/AdelaiDet adet/config/defaults.py
# What it reproduces: a detectron2-style config node extended by the project, with SOLVER weight decay
#   keys for weights, norms and biases (norms and biases switched to 0.0).
from detectron2.config import CfgNode as CN
from detectron2.config.defaults import _C

_C.MODEL.FCOS = CN()
_C.MODEL.FCOS.NUM_CLASSES = 80
_C.SOLVER.BASE_LR = 0.01
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 1e-4
_C.SOLVER.WEIGHT_DECAY_NORM = 0.0
_C.SOLVER.WEIGHT_DECAY_BIAS = 0.0
_C.SOLVER.BIAS_LR_FACTOR = 2.0

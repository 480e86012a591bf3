# Idiom seen in: JDAI-CV/fast-reid fastreid/config/defaults.py
# What it reproduces: the yacs solver defaults read by solver_build.py, set for SGD with WEIGHT_DECAY 5e-4 on
#   weights and WEIGHT_DECAY_NORM = WEIGHT_DECAY_BIAS = 0.0, so norm layers and biases are not decayed. Clean.
from yacs.config import CfgNode as CN

_C = CN()

_C.MODEL = CN()
_C.MODEL.META_ARCHITECTURE = "Baseline"
_C.MODEL.BACKBONE = CN()
_C.MODEL.BACKBONE.NAME = "build_resnet_backbone"
_C.MODEL.BACKBONE.DEPTH = "50x"
_C.MODEL.BACKBONE.PRETRAIN = True
_C.MODEL.HEADS = CN()
_C.MODEL.HEADS.NUM_CLASSES = 751
_C.MODEL.FREEZE_LAYERS = [""]

_C.SOLVER = CN()
_C.SOLVER.OPT = "SGD"
_C.SOLVER.MAX_EPOCH = 120
_C.SOLVER.BASE_LR = 0.01
_C.SOLVER.BIAS_LR_FACTOR = 1.0
_C.SOLVER.HEADS_LR_FACTOR = 10.0
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.NESTEROV = True
_C.SOLVER.WEIGHT_DECAY = 0.0005
_C.SOLVER.WEIGHT_DECAY_NORM = 0.0
_C.SOLVER.WEIGHT_DECAY_BIAS = 0.0
_C.SOLVER.STEPS = [40, 90]
_C.SOLVER.GAMMA = 0.1
_C.SOLVER.IMS_PER_BATCH = 64

_C.OUTPUT_DIR = "logs/market1501/sbs_R50"


def get_cfg():
    return _C.clone()

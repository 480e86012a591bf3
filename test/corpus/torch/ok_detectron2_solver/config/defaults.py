# Idiom seen in: facebookresearch/detectron2 detectron2/config/defaults.py
# Idiom seen in: facebookresearch/detectron2 detectron2/solver/build.py
# What it reproduces: detectron2-style SOLVER defaults (SGD, momentum 0.9, WEIGHT_DECAY 1e-4,
# WEIGHT_DECAY_NORM 0.0); the project config below also zeroes the bias decay. Clean.
from fvcore.common.config import CfgNode as CN

_C = CN()
_C.MODEL = CN()
_C.MODEL.META_ARCHITECTURE = "GeneralizedRCNN"
_C.MODEL.WEIGHTS = ""
_C.MODEL.DEVICE = "cuda"

_C.SOLVER = CN()
_C.SOLVER.LR_SCHEDULER_NAME = "WarmupMultiStepLR"
_C.SOLVER.MAX_ITER = 40000
_C.SOLVER.BASE_LR = 0.02
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.NESTEROV = False
_C.SOLVER.WEIGHT_DECAY = 0.0001
# The weight decay that's applied to parameters of normalization layers
_C.SOLVER.WEIGHT_DECAY_NORM = 0.0
_C.SOLVER.GAMMA = 0.1
_C.SOLVER.STEPS = (30000,)
_C.SOLVER.WARMUP_FACTOR = 1.0 / 1000
_C.SOLVER.WARMUP_ITERS = 1000
_C.SOLVER.CHECKPOINT_PERIOD = 5000
_C.SOLVER.IMS_PER_BATCH = 16
# Detectron v1 (and previous detection code) used a 2x higher LR and 0 WD for biases.
_C.SOLVER.BIAS_LR_FACTOR = 1.0
_C.SOLVER.WEIGHT_DECAY_BIAS = None  # None means following WEIGHT_DECAY

_C.SOLVER.CLIP_GRADIENTS = CN({"ENABLED": False})
_C.SOLVER.CLIP_GRADIENTS.CLIP_TYPE = "value"
_C.SOLVER.CLIP_GRADIENTS.CLIP_VALUE = 1.0
_C.SOLVER.CLIP_GRADIENTS.NORM_TYPE = 2.0


def get_cfg():
    return _C.clone()


def add_project_config(cfg):
    """Project overrides: no decay on biases, like Detectron v1."""
    cfg.SOLVER.WEIGHT_DECAY_BIAS = 0.0
    cfg.SOLVER.BASE_LR = 0.01
    cfg.SOLVER.IMS_PER_BATCH = 8

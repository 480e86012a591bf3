# Idiom seen in: facebookresearch/maskrcnn-benchmark maskrcnn_benchmark/config/defaults.py
# What it reproduces: the yacs SOLVER node: BASE_LR 0.02 (8 GPUs), WEIGHT_DECAY 1e-4, biases at twice the lr
# and WEIGHT_DECAY_BIAS 0; the backbone's first stages frozen.
# label-note: clean (see solver.py).
from yacs.config import CfgNode as CN

_C = CN()
_C.MODEL = CN()
_C.MODEL.DEVICE = "cuda"
_C.MODEL.BACKBONE = CN()
_C.MODEL.BACKBONE.FREEZE_CONV_BODY_AT = 2
_C.MODEL.ROI_BOX_HEAD = CN()
_C.MODEL.ROI_BOX_HEAD.NUM_CLASSES = 81
_C.MODEL.ROI_BOX_HEAD.MLP_HEAD_DIM = 1024

_C.SOLVER = CN()
_C.SOLVER.MAX_ITER = 90000
_C.SOLVER.BASE_LR = 0.02
_C.SOLVER.BIAS_LR_FACTOR = 2
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 0.0001
_C.SOLVER.WEIGHT_DECAY_BIAS = 0
_C.SOLVER.GAMMA = 0.1
_C.SOLVER.STEPS = (60000, 80000)
_C.SOLVER.WARMUP_FACTOR = 1.0 / 3
_C.SOLVER.WARMUP_ITERS = 500
_C.SOLVER.IMS_PER_BATCH = 16

# Idiom seen in: ZhichaoDuan/GaitRecognition config/defaults.py
# What it reproduces: yacs defaults for GaitSet with a SOLVER section (SGD, WEIGHT_DECAY 5e-4) read by
#   solver_build.make_optimizer (clean program).
from yacs.config import CfgNode as CN

_C = CN()
_C.OUTPUT_DIR = './experiments/gait_recognition'
_C.EXPERIMENT = 'setnet_sgd'
_C.DATASET_DIR = './datasets/GaitDatasetB-silh-processed'
_C.NUM_WORKERS = 8

_C.TRAIN = CN()
_C.TRAIN.BATCH_SIZE = (8, 16)
_C.TRAIN.MAX_ITERS = 80000
_C.TRAIN.FRAME_NUM = 30
_C.TRAIN.TRIPLET_LOSS = CN()
_C.TRAIN.TRIPLET_LOSS.MARGIN = 0.2

_C.MODEL = CN()
_C.MODEL.NAME = 'SetNet'
_C.MODEL.NUM_FEATURES = 256
_C.MODEL.ACTIVATION = 'leaky_relu'

_C.SOLVER = CN()
_C.SOLVER.OPTIMIZER_NAME = 'SGD'
_C.SOLVER.BASE_LR = 0.1
_C.SOLVER.BIAS_LR_FACTOR = 1
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 0.0005
_C.SOLVER.WEIGHT_DECAY_BIAS = 0.0

cfg = _C

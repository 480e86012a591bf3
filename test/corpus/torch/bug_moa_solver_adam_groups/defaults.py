# Idiom seen in: COMAveJoe/MOA_Baseline configs/default.py
# Idiom seen in: COMAveJoe/MOA_Baseline solver/build.py
# What it reproduces: yacs defaults of a Kaggle MoA baseline (Adam, WEIGHT_DECAY=1e-4, WEIGHT_DECAY_BIAS=0) that the
#   make_optimizer in solver_build.py turns into one param group per tensor; see solver_build.py for the bug.
from yacs.config import CfgNode as CN

_C = CN()

_C.MODEL = CN()
_C.MODEL.DEVICE = 'cpu'
_C.MODEL.META_ARCHITECTURE = 'MOA_MLP'
_C.MODEL.NUM_CATS = [2 + 1, 3 + 1]
_C.MODEL.CATS_EMB_SIZE = [1, 1]
_C.MODEL.AUX = 330
_C.MODEL.NUM_NUMERICALS = 872
_C.MODEL.NUM_CLASS = 206
_C.MODEL.HIDDEN_SIZE = 1024

_C.DATASET = CN()
_C.DATASET.TRAIN = './input/lish-moa/train_features.csv'
_C.DATASET.TRAIN_TARGETS_SCORED = './input/lish-moa/train_targets_scored.csv'
_C.DATASET.TEST = './input/lish-moa/test_features.csv'

_C.DATALOADER = CN()
_C.DATALOADER.NUM_WORKERS = 1

_C.SOLVER = CN()
_C.SOLVER.OPTIMIZER_NAME = "Adam"
_C.SOLVER.MAX_EPOCHS = 50
_C.SOLVER.BASE_LR = 1.0e-3
_C.SOLVER.BIAS_LR_FACTOR = 2
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 0.0001
_C.SOLVER.WEIGHT_DECAY_BIAS = 0
_C.SOLVER.CHECKPOINT_PERIOD = 5
_C.SOLVER.LOG_PERIOD = 4
_C.SOLVER.BATCH_SIZE = 128

_C.OUTPUT_DIR = './output'

cfg = _C

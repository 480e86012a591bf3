# Idiom seen in: michuanhaohao/reid-strong-baseline config/defaults.py
# What it reproduces: a yacs CfgNode of defaults: optimizer picked by name ("Adam"), WEIGHT_DECAY 5e-4 and a
# separate WEIGHT_DECAY_BIAS that only the solver's `"bias" in key` test uses.
# label-note: no findings here; see solver.py.
from yacs.config import CfgNode as CN

_C = CN()

_C.MODEL = CN()
_C.MODEL.DEVICE = "cuda"
_C.MODEL.NAME = 'resnet50'
_C.MODEL.LAST_STRIDE = 1
_C.MODEL.PRETRAIN_PATH = ''
_C.MODEL.NECK = 'bnneck'

_C.DATASETS = CN()
_C.DATASETS.NAMES = ('market1501')

_C.SOLVER = CN()
_C.SOLVER.OPTIMIZER_NAME = "Adam"
_C.SOLVER.MAX_EPOCHS = 120
_C.SOLVER.BASE_LR = 3.5e-4
_C.SOLVER.BIAS_LR_FACTOR = 1
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.MARGIN = 0.3
_C.SOLVER.WEIGHT_DECAY = 0.0005
_C.SOLVER.WEIGHT_DECAY_BIAS = 0.
_C.SOLVER.GAMMA = 0.1
_C.SOLVER.STEPS = (40, 70)
_C.SOLVER.WARMUP_FACTOR = 0.01
_C.SOLVER.WARMUP_ITERS = 10
_C.SOLVER.IMS_PER_BATCH = 64

_C.OUTPUT_DIR = "./log"

cfg = _C

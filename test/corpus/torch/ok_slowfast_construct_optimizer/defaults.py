# Idiom seen in: facebookresearch/SlowFast slowfast/config/defaults.py
# What it reproduces: the yacs solver/BN defaults read by construct_optimizer: BN params get BN.WEIGHT_DECAY = 0,
#   1-D params get no decay (ZERO_WD_1D_PARAM), the rest SOLVER.WEIGHT_DECAY; SGD with momentum. Clean.
from fvcore.common.config import CfgNode

_C = CfgNode()

_C.BN = CfgNode()
_C.BN.USE_PRECISE_STATS = False
_C.BN.NUM_BATCHES_PRECISE = 200
_C.BN.WEIGHT_DECAY = 0.0

_C.SOLVER = CfgNode()
_C.SOLVER.BASE_LR = 0.1
_C.SOLVER.LR_POLICY = "cosine"
_C.SOLVER.MAX_EPOCH = 196
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.DAMPENING = 0.0
_C.SOLVER.NESTEROV = True
_C.SOLVER.WEIGHT_DECAY = 1e-4
_C.SOLVER.WARMUP_EPOCHS = 34.0
_C.SOLVER.WARMUP_START_LR = 0.01
_C.SOLVER.OPTIMIZING_METHOD = "sgd"
_C.SOLVER.ZERO_WD_1D_PARAM = True

_C.NUM_GPUS = 8
_C.OUTPUT_DIR = "./tmp"


def get_cfg():
    return _C.clone()

# Idiom seen in: suoxinkey/PlenOctrees_NeRF-SH config/defaults.py
# Idiom seen in: suoxinkey/PlenOctrees_NeRF-SH solver/build.py
# Idiom seen in: suoxinkey/PlenOctrees_NeRF-SH tools/train_net.py
# What it reproduces: yacs solver config (SOLVER.WEIGHT_DECAY = 0.0005) read by make_optimizer(cfg, model),
#   which builds torch.optim.Adam(params=model.parameters(), weight_decay=...) as the real repo does:
#   coupled L2 under Adam (WD202) on every parameter of the NeRF MLP, biases included (WD203).
from yacs.config import CfgNode as CN

_C = CN()

_C.MODEL = CN()
_C.MODEL.DEVICE = "cuda"
_C.MODEL.COARSE_RAY_SAMPLING = 64
_C.MODEL.FINE_RAY_SAMPLING = 80
_C.MODEL.SAMPLE_METHOD = "NEAR_FAR"

_C.DATASETS = CN()
_C.DATASETS.TRAIN = ""
_C.DATASETS.TEST = ()
_C.DATASETS.USE_MASK = False
_C.DATASETS.NUM_FRAME = 1

_C.DATALOADER = CN()
_C.DATALOADER.NUM_WORKERS = 8

# ---------------------------------------------------------------------------- #
# Solver
# ---------------------------------------------------------------------------- #
_C.SOLVER = CN()
_C.SOLVER.OPTIMIZER_NAME = "Adam"
_C.SOLVER.MAX_EPOCHS = 50
_C.SOLVER.BASE_LR = 0.001
_C.SOLVER.BIAS_LR_FACTOR = 2
_C.SOLVER.MOMENTUM = 0.9
_C.SOLVER.WEIGHT_DECAY = 0.0005
_C.SOLVER.WEIGHT_DECAY_BIAS = 0
_C.SOLVER.WARMUP_ITERS = 500
_C.SOLVER.START_ITERS = 50
_C.SOLVER.END_ITERS = 200
_C.SOLVER.LR_SCALE = 0.1
_C.SOLVER.CHECKPOINT_PERIOD = 10
_C.SOLVER.LOG_PERIOD = 100
_C.SOLVER.BUNCH = 4096

_C.OUTPUT_DIR = ""

cfg = _C

# Idiom seen in: ssdxc/nouse solver/build.py
# Idiom seen in: ssdxc/nouse config/defaults.py
# What it reproduces: yacs-config optimizer factory build_optimizer(cfg, model) that hands all of
# model.parameters() to torch.optim.Adam with weight_decay=cfg.TRAIN.WEIGHT_DECAY (here 5e-4, as a YAML
# of the repo would set it): coupled L2 under Adam, and biases/BatchNorm params decayed too.
from yacs.config import CfgNode as CN

_C = CN()

_C.MODEL = CN()
_C.MODEL.NAME = "sef"
_C.MODEL.IN_DIM = 2048
_C.MODEL.HIDDEN = 256
_C.MODEL.NB_LAYERS = 2
_C.MODEL.NUM_CLASSES = 751

_C.DATA = CN()
_C.DATA.DATASET = "market_v3"
_C.DATA.ROOT = "./datasets/market"
_C.DATA.TOP_K = 100

_C.TRAIN = CN()
_C.TRAIN.LR = 1e-3
_C.TRAIN.WEIGHT_DECAY = 5e-4
_C.TRAIN.DROPOUT = 0.2
_C.TRAIN.MAX_EPOCH = 50
_C.TRAIN.BATCH_SIZE = 24
_C.TRAIN.PRINT_FREQ = 20

_C.OUTPUT_DIR = "./logs/"

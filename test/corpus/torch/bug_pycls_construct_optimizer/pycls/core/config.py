# Idiom seen in: facebookresearch/pycls pycls/core/config.py
# What it reproduces: the yacs global config with BN.USE_CUSTOM_WEIGHT_DECAY = False by default, so the
#   optimizer falls back to one decayed group over model.parameters().
from yacs.config import CfgNode

_C = CfgNode()
cfg = _C

_C.MODEL = CfgNode()
_C.MODEL.TYPE = "anynet"
_C.MODEL.NUM_CLASSES = 1000

_C.BN = CfgNode()
_C.BN.EPS = 1e-5
_C.BN.MOM = 0.1
_C.BN.USE_CUSTOM_WEIGHT_DECAY = False
_C.BN.CUSTOM_WEIGHT_DECAY = 0.0

_C.OPTIM = CfgNode()
_C.OPTIM.BASE_LR = 0.1
_C.OPTIM.LR_POLICY = "cos"
_C.OPTIM.MAX_EPOCH = 100
_C.OPTIM.MOMENTUM = 0.9
_C.OPTIM.DAMPENING = 0.0
_C.OPTIM.NESTEROV = True
_C.OPTIM.WEIGHT_DECAY = 5e-4
_C.OPTIM.WARMUP_EPOCHS = 0

_C.TRAIN = CfgNode()
_C.TRAIN.DATASET = "imagenet"
_C.TRAIN.BATCH_SIZE = 128

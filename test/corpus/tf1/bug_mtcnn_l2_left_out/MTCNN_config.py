# Idiom seen in: AITTSMD/MTCNN-Tensorflow train_models/train.py
# What it reproduces: config module of the MTCNN trainer (batch size, lr epochs); see train.py.
from easydict import EasyDict as edict

config = edict()
config.BATCH_SIZE = 384
config.CLS_OHEM = True
config.CLS_OHEM_RATIO = 0.7
config.BBOX_OHEM = False
config.LR_EPOCH = [6, 14, 20]

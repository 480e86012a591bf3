# Idiom seen in: deepinsight/insightface recognition/arcface_torch/configs/base.py
# What it reproduces: the arcface_torch config object (an EasyDict of training settings) whose
#   weight_decay feeds both the backbone SGD group and the partial-fc SGD.
from easydict import EasyDict as edict

config = edict()
config.network = "r50"
config.embedding_size = 512
config.sample_rate = 1.0
config.fp16 = False
config.momentum = 0.9
config.weight_decay = 5e-4
config.batch_size = 128
config.lr = 0.1
config.num_classes = 93431
config.num_epoch = 25
config.warmup_epoch = 0
config.decay_epoch = [10, 16, 22]
config.rec = "/train_tmp/ms1m-retinaface-t1"
config.output = "work_dirs/ms1mv3_r50"

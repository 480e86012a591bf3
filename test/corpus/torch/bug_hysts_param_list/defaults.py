# Idiom seen in: hysts/pytorch_image_classification pytorch_image_classification/optim/__init__.py
# Idiom seen in: hysts/pytorch_image_classification pytorch_image_classification/config/defaults.py
# What it reproduces: yacs defaults with train.no_weight_decay_on_bn = False, so get_param_list takes the
# else branch: one group holding list(model.parameters()) with weight_decay, BN and biases decayed by SGD.
from yacs.config import CfgNode as ConfigNode

config = ConfigNode()

config.model = ConfigNode()
config.model.name = 'resnet_preact'
config.model.n_classes = 10

config.train = ConfigNode()
config.train.batch_size = 128
config.train.optimizer = 'sgd'
config.train.base_lr = 0.1
config.train.momentum = 0.9
config.train.nesterov = True
config.train.weight_decay = 5e-4
config.train.no_weight_decay_on_bn = False
config.train.epochs = 160


def get_default_config():
    return config.clone()

# Idiom seen in: google/deepvariant deepvariant/dv_config.py
# What it reproduces: an ml_collections config that keeps the layer L2 (weight_decay) separate from the
#   optimizer's own decoupled decay (optimizer_weight_decay = 0.0); only the L2 regularizers decay: clean.
import ml_collections


def get_wgs_config(config):
    config.optimizer = 'sgd'
    config.momentum = 0.9
    config.use_ema = True
    config.ema_momentum = 0.99
    config.optimizer_weight_decay = 0.0
    config.weight_decay = 0.0001
    config.learning_rate = 0.01
    config.learning_rate_num_epochs_per_decay = 2.25
    config.learning_rate_decay_rate = 0.9999
    config.label_smoothing = 0.01
    config.backbone_dropout_rate = 0.2


def get_config(config_name='wgs'):
    config = ml_collections.ConfigDict()
    config.batch_size = 16384
    config.num_epochs = 10
    config.optimizer = 'rmsprop'
    config.learning_rate = 0.001
    config.learning_rate_num_epochs_per_decay = 2.0
    config.learning_rate_decay_rate = 0.947
    config.label_smoothing = 1e-6
    config.rho = 0.9
    config.momentum = 0.9
    config.epsilon = 1.0
    config.use_ema = True
    config.ema_momentum = 0.99
    config.weight_decay = 0.00004
    config.backbone_dropout_rate = 0.2
    config.optimizer_weight_decay = 0.0
    if config_name == 'wgs':
        get_wgs_config(config)
    return config

# Idiom seen in: jvlmdr/flax-cifar configs/default.py (get_config() read through ml_collections config_flags --config=configs/default.py)
# What it reproduces: the config holding the L2 coefficient and which parameters it covers; main.py adds the penalty to the objective it differentiates. Clean.
import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.model = ml_collections.ConfigDict()
    config.model.arch = 'resnet_v1_18'
    config.model.resnet = ml_collections.ConfigDict()

    config.train = ml_collections.ConfigDict()
    config.train.base_learning_rate = 0.1
    config.train.num_epochs = 50
    config.train.batch_size = 128
    config.train.weight_decay = 3e-4
    # 'kernel' leaves biases and BatchNorm scale/offset undecayed
    config.train.weight_decay_vars = 'kernel'
    return config

# Idiom seen in: lucaslingle/mu_transformer mu_transformer/configs/base.py
# What it reproduces: the ml_collections config of the muP transformer: peak learning rate,
# the independent decay lambda and the schedule lengths read by launch.py.
import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.lr_max = 1e-2
    config.wd_lam = 1e-4
    config.adam_b1 = 0.9
    config.adam_b2 = 0.98
    config.adam_eps = 1e-9
    config.grad_clip = 1.0
    config.d_model = 1024
    config.ff_multiple = 4
    config.n_warmup_step = 10000
    config.n_pretrain_step = 125000
    return config

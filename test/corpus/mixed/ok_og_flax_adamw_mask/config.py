# Idiom seen in: oswinso/og src/og/cfg_utils.py
# Idiom seen in: oswinso/og src/og/networks/optim.py
# What it reproduces: an ml_collections config for a learned control-barrier value function; the optimizer
#   settings (lr 3e-4, wd 1e-4) feed get_default_tx, whose adamw is masked: clean.
import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.seed = 0
    config.batch_size = 1024
    config.num_steps = 50_000
    config.hidden_sizes = (256, 256, 256)

    config.optim = ml_collections.ConfigDict()
    config.optim.lr = 3e-4
    config.optim.warmup_steps = 1_000
    config.optim.wd = 1e-4
    config.optim.eps = 1e-5
    return config

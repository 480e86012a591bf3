# Idiom seen in: ssdxc/nouse solver/build.py
# Idiom seen in: ssdxc/nouse config/defaults.py
# What it reproduces: yacs-config optimizer factory build_optimizer(cfg, model) that hands all of
# model.parameters() to torch.optim.Adam with weight_decay=cfg.TRAIN.WEIGHT_DECAY (here 5e-4, as a YAML
# of the repo would set it): coupled L2 under Adam, and biases/BatchNorm params decayed too.
from .build import build_optimizer

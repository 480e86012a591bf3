# Idiom seen in: ronakhb/siamese-reid solver/build.py
# What it reproduces: make_optimizer(cfg, model) builds one param group per tensor ("bias" gets
# WEIGHT_DECAY_BIAS=0) and picks the class with getattr(torch.optim, cfg.SOLVER.OPTIMIZER_NAME); the
# defaults say "Adam", so the weights group weight_decay is coupled L2 under Adam.
from .defaults import _C as cfg

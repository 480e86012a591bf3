# Idiom seen in: Tianxiaomo/pytorch-YOLOv4 train.py
# Idiom seen in: Tianxiaomo/pytorch-YOLOv4 cfg.py
# What it reproduces: Cfg.TRAIN_OPTIMIZER = "adam" (no command-line option for it) picks a plain Adam; the SGD
# branch with weight_decay=config.decay is never taken, and loss_l2 is a box MSE that is only logged: clean.
import os
from easydict import EasyDict

_BASE_DIR = os.path.dirname(os.path.abspath(__file__))

Cfg = EasyDict()
Cfg.use_darknet_cfg = False
Cfg.batch = 64
Cfg.subdivisions = 16
Cfg.width = 608
Cfg.height = 608
Cfg.momentum = 0.949
Cfg.decay = 0.0005
Cfg.learning_rate = 0.00261
Cfg.burn_in = 1000
Cfg.max_batches = 500500
Cfg.steps = [400000, 450000]
Cfg.classes = 80
Cfg.TRAIN_EPOCHS = 300
Cfg.TRAIN_OPTIMIZER = 'adam'
Cfg.checkpoints = os.path.join(_BASE_DIR, 'checkpoints')

# Idiom seen in: Max-1234-hub/FedAAR Regularization.py
# Idiom seen in: Max-1234-hub/FedAAR federated/fed_aar.py
# What it reproduces: a Regularization module whose squared-L2 term sits under `if self.weight_decay > 0:`,
# built only with settings.WEIGHT_D, which is 0: the decay code never runs (WD303 on the guard).
CHECKPOINT_PATH = 'checkpoint'
LOG_DIR = 'runs'
LR = 5e-5
BATCH = 256
ITERS = 100
WK_ITERS = 1
WEIGHT_D = 0  # regularization switched off for the FedBN baseline

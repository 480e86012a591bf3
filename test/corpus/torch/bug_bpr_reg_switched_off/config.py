# Idiom seen in: HKUDS/LightGCL parser.py
# What it reproduces: a module of constants for a BPR recommender; the embedding L2 weight was set to
#   0.0 while tuning and left there.
DATASET = 'gowalla'
EMBED_DIM = 64
BATCH_SIZE = 2048
EPOCHS = 400
LR = 1e-3
REG_WEIGHT = 0.0

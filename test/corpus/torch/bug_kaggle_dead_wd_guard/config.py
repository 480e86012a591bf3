# Idiom seen in: YasufumiNakama/kaggle-Toxicity-Classification-2019 code/solution_bert.py
# What it reproduces: the kernel's "Settings" constants moved to a module; WEIGHT_DECAY was set to 0.0
# while experimenting, so the penalty guarded by it in train.py never runs (WD303 at that guard).
SEED = 0
DEVICE = "cuda:0"
MAX_LEN = 220
BATCH_SIZE = 512
EPOCHS = 4
LR = 1e-3
WEIGHT_DECAY = 0.0
HIDDEN_SIZE = 128

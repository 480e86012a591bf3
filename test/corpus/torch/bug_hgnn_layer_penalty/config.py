# Idiom seen in: ryanlueds/abide-hgnn training_dhg/config.py
# What it reproduces: the module of constants the training scripts import as `config`; WEIGHT_DECAY was
#   set to 0.0 for an ablation run and is the only value the layers ever receive.
import torch

SEED = 0
LEARN_RATE = 1e-3
WEIGHT_DECAY = 0.0
BATCH_SIZE = 64
EPOCHS = 100
HIDDEN = 128
DEVICE = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

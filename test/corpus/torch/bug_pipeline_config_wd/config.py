# Idiom seen in: leedongzheo/pipeline_model optimizer.py
# What it reproduces: segmentation pipeline whose optimizer module does `from config import *` and builds Adam or SGD
# from module constants; the decay constant is typed 5e+2 for 5e-4, so plain SGD has lr*wd = 5 (WD301); the Adam
# branch is coupled L2 (WD202) and both decay all parameters (WD203). The typo is a realistic user mistake, written here.
import os

import torch
from torch.optim import Adam, SGD

DEVICE = 'cuda' if torch.cuda.is_available() else 'cpu'
DATA_ROOT = os.environ.get('DATA_ROOT', './dataset')
IMAGE_SIZE = 256
BATCH_SIZE = 8
NUM_EPOCHS = 100
lr0 = 0.01
weight_decay = 5e+2  # expect: WD301

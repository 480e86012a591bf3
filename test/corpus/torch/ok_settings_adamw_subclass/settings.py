# Idiom seen in: angeluriot/Language_model dimgpt/training/optimizer.py
# What it reproduces: the project-wide constants module that the optimizer star-imports.
# label-note: clean (see optimizer.py).
import torch

GPU_ENABLED = torch.cuda.is_available()
DEVICE = torch.device('cuda' if GPU_ENABLED else 'cpu')

MAX_CONTEXT = 512
BATCH_SIZE = 32
NUM_ACCUMULATIONS = 8
MAX_LEARNING_RATE = 6e-4
MIN_LEARNING_RATE = 6e-5
WARMUP_STEPS = 2_000
DECAY_STEPS = 100_000
BETA_1 = 0.9
BETA_2 = 0.95
EPSILON = 1e-5
WEIGHT_DECAY = 0.1
CLIP_GRADIENT = 1.0

# Idiom seen in: moyuhao-arch/lung_nodule_project global_config.py
# Idiom seen in: moyuhao-arch/lung_nodule_project model.py
# What it reproduces: hyper-parameters kept as constants in a global_config module read with `from global_config import *`
#   and a layer helper that only builds an l2 regularizer `if L2_WEIGHT_DECAY:`; the constant is 0.0 in the config,
#   so every layer gets kernel_regularizer=None and the decay code never runs (WD303 on the guard).
NORMAL_FLAG = False
IMAGE_HEIGHT = 64
IMAGE_WIDTH = 64
BATCH_SIZE = 16
EPOCHS = 80
LEARNING_RATE = 1e-4
L2_WEIGHT_DECAY = 0.0  # set >0 to regularize conv kernels
TRAIN_DATA_PATH = 'DATASET/LIDC_patch/train'
VALIDATE_DATA_PATH = 'DATASET/LIDC_patch/val'
MODEL_WEIGHT = None

# Idiom seen in: Ishansh-Sharma/SSVL_Implementation Masked_Image_Modelling/MAE_on_CIFAR10/Concise_Code/Hyperparameter(1st cell).py
# Idiom seen in: Ishansh-Sharma/SSVL_Implementation Masked_Image_Modelling/MAE_on_CIFAR10/Concise_Code/training.py
# What it reproduces: the hyperparameter cell of an MAE-on-CIFAR-10 reproduction (values as a module).
BUFFER_SIZE = 1024
BATCH_SIZE = 256
INPUT_SHAPE = (32, 32, 3)
NUM_CLASSES = 10
LEARNING_RATE = 5e-3
WEIGHT_DECAY = 1e-4
EPOCHS = 100
IMAGE_SIZE = 48
PATCH_SIZE = 6
NUM_PATCHES = (IMAGE_SIZE // PATCH_SIZE) ** 2
MASK_PROPORTION = 0.75
LAYER_NORM_EPS = 1e-6
ENC_PROJECTION_DIM = 128
DEC_PROJECTION_DIM = 64
ENC_NUM_HEADS = 4
ENC_LAYERS = 6
DEC_NUM_HEADS = 4
DEC_LAYERS = 2
ENC_TRANSFORMER_UNITS = [ENC_PROJECTION_DIM * 2, ENC_PROJECTION_DIM]
DEC_TRANSFORMER_UNITS = [DEC_PROJECTION_DIM * 2, DEC_PROJECTION_DIM]

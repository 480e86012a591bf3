# Idiom seen in: DetectionTeamUCAS/FPN_Tensorflow tools/train.py
# What it reproduces: the config module the training script reads WEIGHT_DECAY, LR and MOMENTUM from;
#   clean: the slim regularization losses are summed into the loss whose gradients are applied.
NET_NAME = 'resnet_v1_101'
DATASET_NAME = 'pascal'
VERSION = 'FPN_Res101_20181201'
GPU_GROUP = "0"
BATCH_SIZE = 1
IMG_SHORT_SIDE_LEN = 600
CLASS_NUM = 20

WEIGHT_DECAY = 0.00004 if NET_NAME.startswith('Mobilenet') else 0.0001
MOMENTUM = 0.9
LR = 0.001
DECAY_STEP = [60000, 80000]
MAX_ITERATION = 100000
MUTILPY_BIAS_GRADIENT = 2.0
GRADIENT_CLIPPING_BY_NORM = None

SHOW_TRAIN_INFO_INTE = 10
SMRY_ITER = 100
SAVE_WEIGHTS_INTE = 10000
SUMMARY_PATH = '../output/summary'
TRAINED_CKPT = '../output/trained_weights'

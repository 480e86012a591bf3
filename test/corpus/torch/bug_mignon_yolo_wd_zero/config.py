# Idiom seen in: MignonDeveloper/pytorch-tutorials 2. Computer Vision/Object Detection/YOLO v1/train.py
# What it reproduces: the YOLO v1 script's module-level hyper-parameters (WEIGHT_DECAY = 0, as the repository
#   has it) in a config module; the dead decay helper is in optim_utils.py.
import torch

LEARNING_RATE = 2e-5
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
BATCH_SIZE = 16
WEIGHT_DECAY = 0
EPOCHS = 1000
NUM_WORKERS = 2
PIN_MEMORY = True
IMG_DIR = "data/images"
LABEL_DIR = "data/labels"

# Idiom seen in: pythonlessons/TensorFlow-2.x-YOLOv3 yolov3/configs.py
# What it reproduces: module of upper-case constants pulled in with `from yolov3.configs import *` by model and training code (no decay settings here).
YOLO_INPUT_SIZE = 416
YOLO_STRIDES = [8, 16, 32]
YOLO_ANCHOR_PER_SCALE = 3
YOLO_IOU_LOSS_THRESH = 0.5
TRAIN_CLASSES = "model_data/coco/coco.names"
TRAIN_ANNOT_PATH = "model_data/coco/train2017.txt"
TRAIN_LOGDIR = "log"
TRAIN_CHECKPOINTS_FOLDER = "checkpoints"
TRAIN_MODEL_NAME = "yolov3_custom"
TRAIN_LR_INIT = 1e-4
TRAIN_LR_END = 1e-6
TRAIN_WARMUP_EPOCHS = 2
TRAIN_EPOCHS = 100

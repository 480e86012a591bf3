# Idiom seen in: hxnghia99/Yolov4_Learning YOLOv4-for-studying/YOLOv4_model.py
# Idiom seen in: hxnghia99/Yolov4_Learning YOLOv4-for-studying/YOLOv4_train.py
# What it reproduces: a student YOLOv4 (VisDrone) whose convolutional()/deconvolutional() helpers give every
#   Conv2D / Conv2DTranspose kernel_regularizer=L2(...), trained in a custom tf.function train_step whose
#   total_loss = giou_loss + conf_loss + prob_loss never adds yolo.losses (as in the repo).
YOLO_COCO_CLASS_PATH = "YOLOv4-for-studying/dataset/visdrone/visdrone_class_names.txt"
YOLO_CLASS_PATH = YOLO_COCO_CLASS_PATH
YOLO_INPUT_SIZE = 416
YOLO_SCALE_OFFSET = [8, 16, 32]
YOLO_ANCHORS = [[[10, 13], [16, 30], [33, 23]],
                [[30, 61], [62, 45], [59, 119]],
                [[116, 90], [156, 198], [373, 326]]]
CHANNEL_TIMES_K = 1
TRAIN_LR_INIT = 1e-4
TRAIN_LR_END = 1e-6
TRAIN_WARMUP_EPOCHS = 2
TRAIN_EPOCHS = 60
TRAIN_LOGDIR = "YOLOv4-for-studying/log/"
TRAIN_CHECKPOINTS_FOLDER = "YOLOv4-for-studying/checkpoints"

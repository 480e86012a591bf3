# Idiom seen in: chenjeyok/yolov3_pytorch_ training/params.py
# What it reproduces: the TRAINING_PARAMS dict the training script imports: two learning rates (backbone /
#   rest) and one global optimizer weight_decay of 4e-4 with SGD.
TRAINING_PARAMS = {
    "model_params": {
        "backbone_name": "darknet_53",
        "backbone_pretrained": "../weights/darknet53_weights_pytorch.pth",
    },
    "yolo": {
        "anchors": [[[116, 90], [156, 198], [373, 326]],
                    [[30, 61], [62, 45], [59, 119]],
                    [[10, 13], [16, 30], [33, 23]]],
        "classes": 80,
    },
    "lr": {
        "backbone_lr": 0.001,
        "other_lr": 0.01,
        "freeze_backbone": False,
        "decay_gamma": 0.1,
        "decay_step": 20,
    },
    "optimizer": {
        "type": "sgd",
        "weight_decay": 4e-04,
    },
    "batch_size": 16,
    "train_path": "../data/coco/trainvalno5k.txt",
    "epochs": 100,
    "img_h": 416,
    "img_w": 416,
    "parallels": [0],
    "working_dir": "./runs",
    "pretrain_snapshot": "",
}

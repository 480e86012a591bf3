# Idiom seen in: LongxingTan/tfyolo yolo/model/module.py
# Idiom seen in: LongxingTan/tfyolo yolo/model/yolo.py
# Idiom seen in: LongxingTan/tfyolo yolo/train.py
# (repository formerly LongxingTan/Yolov5)
# What it reproduces: every Conv block holds Conv2D(kernel_regularizer=L2(5e-4)), but the Trainer's GradientTape
# loss is iou + conf + prob loss only; model.losses never joins it, so the conv kernels get no decay.
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, Input

from module import SPP, Bottleneck, Conv, Focus


class Detect(tf.keras.layers.Layer):
    def __init__(self, num_classes, anchors, stride):
        super(Detect, self).__init__()
        self.num_classes = num_classes
        self.anchors = anchors
        self.stride = stride
        self.num_anchors = len(anchors[0])
        self.modules = [Conv2D(self.num_anchors * (num_classes + 5), 1, use_bias=False) for _ in anchors]

    def call(self, x_list):
        return [m(x) for m, x in zip(self.modules, x_list)]


class Yolo(object):
    def __init__(self, num_classes=80, width=32):
        anchors = [[(10, 13), (16, 30), (33, 23)], [(30, 61), (62, 45), (59, 119)]]
        self.module_list = [Focus(width, 3), Conv(width * 2, 3, 2), Bottleneck(width * 2),
                            Conv(width * 4, 3, 2), Bottleneck(width * 4), SPP(width * 4),
                            Detect(num_classes, anchors, stride=[8, 16])]

    def __call__(self, img_size, name='yolo'):
        x = Input([img_size, img_size, 3])
        feats = []
        y = x
        for i, module in enumerate(self.module_list[:-1]):
            y = module(y)
            if i in (2, 5):
                feats.append(y)
        outputs = self.module_list[-1](feats)
        return tf.keras.Model(inputs=x, outputs=outputs, name=name)

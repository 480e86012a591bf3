# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter11-detection/model.py
# What it reproduces: SSD head builder: per feature map a class and an offset predictor; the backbone is
#   called inside the SSD functional model, so model.losses of the SSD holds the backbone's L2 terms.
import numpy as np
from tensorflow.keras.layers import Activation, BatchNormalization, Concatenate, Conv2D, ELU, Input, \
    MaxPooling2D, Reshape
from tensorflow.keras.models import Model


def conv2d(inputs, filters=32, kernel_size=3, strides=1, name=None):
    conv = Conv2D(filters=filters, kernel_size=kernel_size, strides=strides,
                  kernel_initializer='he_normal', name=name, padding='same')
    return conv(inputs)


def conv_layer(inputs, filters=32, kernel_size=3, strides=1, use_maxpool=True, postfix=None,
               activation=None):
    x = conv2d(inputs, filters=filters, kernel_size=kernel_size, strides=strides, name='conv' + postfix)
    x = BatchNormalization(name="bn" + postfix)(x)
    x = ELU(name='elu' + postfix)(x)
    if use_maxpool:
        x = MaxPooling2D(name='pool' + postfix)(x)
    return x


def build_ssd(input_shape, backbone, n_layers=4, n_classes=4, aspect_ratios=(1, 2, 0.5)):
    n_anchors = len(aspect_ratios) + 1
    inputs = Input(shape=input_shape)
    base_outputs = backbone(inputs)
    outputs, feature_shapes, out_cls, out_off = [], [], [], []
    for i in range(n_layers):
        conv = base_outputs if n_layers == 1 else base_outputs[i]
        name = "cls" + str(i + 1)
        classes = conv2d(conv, n_anchors * n_classes, kernel_size=3, name=name)
        offsets = conv2d(conv, n_anchors * 4, kernel_size=3, name="off" + str(i + 1))
        shape = np.array(K_int_shape(offsets))[1:]
        feature_shapes.append(shape)
        out_cls.append(Reshape((-1, n_classes), name="cls_res" + str(i + 1))(classes))
        out_off.append(Reshape((-1, 4), name="off_res" + str(i + 1))(offsets))
    cls_out = Concatenate(axis=1, name="cls_out")(out_cls) if n_layers > 1 else out_cls[0]
    off_out = Concatenate(axis=1, name="off_out")(out_off) if n_layers > 1 else out_off[0]
    cls_out = Activation('softmax', name='softmax')(cls_out)
    model = Model(inputs, [cls_out, off_out])
    return n_anchors, feature_shapes, model


def K_int_shape(x):
    return tuple(x.shape)

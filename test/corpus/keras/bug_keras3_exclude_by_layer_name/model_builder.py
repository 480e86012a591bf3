# Idiom seen in: edwardyehuang/iSeg iseg/layers/model_builder.py
# What it reproduces: a segmentation model factory in its own module: a Conv-BN-ReLU encoder, a
#   LayerNormalization-ed context block and a 1x1 classifier, named layers throughout. No kernel regularizers.
# label-note: no label here.
import keras
from keras import layers


def conv_bn_relu(x, filters, stride=1, name="conv"):
    x = layers.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False, name=name + "_conv")(x)
    x = layers.BatchNormalization(name=name + "_bn")(x)
    return layers.ReLU(name=name + "_relu")(x)


def build_seg_model(num_classes, input_shape=(512, 512, 3), width=64):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for i, stride in enumerate([2, 2, 2, 1]):
        x = conv_bn_relu(x, width * 2 ** min(i, 2), stride=stride, name="encoder_%d" % i)
    context = layers.Conv2D(width * 4, 1, name="context_proj")(x)
    context = layers.LayerNormalization(name="context_ln")(context)
    x = layers.Concatenate(name="fuse")([x, layers.Activation("gelu")(context)])
    x = conv_bn_relu(x, width * 4, name="decoder")
    logits = layers.Conv2D(num_classes, 1, name="logits")(x)
    logits = layers.UpSampling2D(8, interpolation="bilinear", name="upsample")(logits)
    return keras.Model(inputs, logits, name="seg_model")

# Idiom seen in: JihongJu/keras-fcn keras_fcn/models.py
# What it reproduces: FCN_VGG16(input_shape, classes, weight_decay) wiring the blocks of blocks.py into a functional
#   Model (encoder + 1x1 score + bilinear upsampling); the decay number is handed down to every block. Clean.
from keras.layers import Activation, Input, UpSampling2D
from keras.models import Model

from blocks import vgg_conv, vgg_fc, vgg_score


def FCN_VGG16(input_shape, classes, weight_decay=0.):
    inputs = Input(shape=input_shape)
    x = vgg_conv(64, 2, weight_decay=weight_decay, block_name="block1")(inputs)
    x = vgg_conv(128, 2, weight_decay=weight_decay, block_name="block2")(x)
    x = vgg_conv(256, 3, weight_decay=weight_decay, block_name="block3")(x)
    x = vgg_conv(512, 3, weight_decay=weight_decay, block_name="block4")(x)
    x = vgg_conv(512, 3, weight_decay=weight_decay, block_name="block5")(x)
    x = vgg_fc(4096, weight_decay=weight_decay)(x)
    x = vgg_score(classes, weight_decay=weight_decay)(x)
    x = UpSampling2D(size=(32, 32), interpolation="bilinear")(x)
    outputs = Activation("softmax")(x)
    return Model(inputs=inputs, outputs=outputs, name="fcn_vgg16")

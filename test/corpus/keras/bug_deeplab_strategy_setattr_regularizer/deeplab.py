# Idiom seen in: srihari-humbarwadi/person_segmentation_tf2.0 deeplab_test.py (DeepLabV3Plus, ASPP, Upsample)
# What it reproduces: a functional DeepLabV3+ factory on an ImageNet ResNet50 backbone; the ASPP and decoder
#   convolutions are plain Conv2D+BatchNormalization without regularizers. The returned Model is already built.
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.applications.resnet50 import ResNet50
from tensorflow.keras.layers import (Activation, AveragePooling2D, BatchNormalization, Conv2D, Lambda,
                                     concatenate)
from tensorflow.keras.models import Model


def Upsample(tensor, size, name):
    return Lambda(lambda x: tf.image.resize(images=x, size=size), output_shape=size, name=name)(tensor)


def conv_bn_relu(x, filters, kernel_size, name, dilation_rate=1):
    x = Conv2D(filters, kernel_size, dilation_rate=dilation_rate, padding='same',
               kernel_initializer='he_normal', use_bias=False, name=name)(x)
    x = BatchNormalization(name='bn_' + name)(x)
    return Activation('relu', name='relu_' + name)(x)


def ASPP(tensor):
    dims = K.int_shape(tensor)
    y_pool = AveragePooling2D(pool_size=(dims[1], dims[2]), name='average_pooling')(tensor)
    y_pool = conv_bn_relu(y_pool, 256, 1, name='pool_1x1conv2d')
    y_pool = Upsample(y_pool, [dims[1], dims[2]], name='pool_upsample')
    branches = [y_pool, conv_bn_relu(tensor, 256, 1, name='ASPP_conv2d_d1')]
    for rate in (6, 12, 18):
        branches.append(conv_bn_relu(tensor, 256, 3, name='ASPP_conv2d_d%d' % rate, dilation_rate=rate))
    y = concatenate(branches, name='ASPP_concat')
    return conv_bn_relu(y, 256, 1, name='ASPP_conv2d_final')


def DeepLabV3Plus(img_height, img_width):
    base_model = ResNet50(input_shape=(img_height, img_width, 3), weights='imagenet', include_top=False)
    x_a = ASPP(base_model.get_layer('conv4_block6_out').output)
    x_a = Upsample(x_a, [img_height // 4, img_width // 4], name='aspp_upsample')

    x_b = conv_bn_relu(base_model.get_layer('conv2_block3_out').output, 48, 1, name='low_level_projection')
    x = concatenate([x_a, x_b], name='decoder_concat')
    x = conv_bn_relu(x, 256, 3, name='decoder_conv2d_1')
    x = conv_bn_relu(x, 256, 3, name='decoder_conv2d_2')
    x = Upsample(x, [img_height, img_width], name='final_upsample')
    x = Conv2D(1, (1, 1), name='output_layer')(x)
    x = Activation('sigmoid')(x)
    return Model(inputs=base_model.input, outputs=x, name='DeepLabV3_Plus')

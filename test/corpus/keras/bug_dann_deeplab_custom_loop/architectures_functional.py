# Idiom seen in: vinizm/DANN custom_training.py
# What it reproduces: a functional DeepLabv3+-style segmentation builder (separable conv blocks
#   with an L2 kernel regularizer from a weight_decay argument) that Train() in
#   custom_training.py builds and trains in its own GradientTape loop without model.losses.
from tensorflow.keras import layers, regularizers
from tensorflow.keras.models import Model


def conv_block(x, filters, kernel_size=3, rate=1, weight_decay=1e-4, name=None):
    x = layers.Conv2D(filters, kernel_size, padding='same', dilation_rate=rate, use_bias=False,
                      kernel_regularizer=regularizers.l2(weight_decay), name=name)(x)  # expect: WD103
    x = layers.BatchNormalization()(x)
    return layers.Activation('relu')(x)


def aspp(x, filters=256, weight_decay=1e-4):
    branches = [conv_block(x, filters, 1, weight_decay=weight_decay)]
    for rate in (6, 12, 18):
        branches.append(conv_block(x, filters, 3, rate=rate, weight_decay=weight_decay))
    return conv_block(layers.Concatenate()(branches), filters, 1, weight_decay=weight_decay)


def Deeplabv3plus(input_shape, classes, output_stride=16, activation='softmax', weight_decay=1e-4):
    inp = layers.Input(shape=input_shape)
    x = conv_block(inp, 32, 3, weight_decay=weight_decay)
    low = conv_block(layers.MaxPooling2D(4)(x), 48, 1, weight_decay=weight_decay)
    x = layers.MaxPooling2D(output_stride)(x)
    x = aspp(x, weight_decay=weight_decay)
    x = layers.UpSampling2D(output_stride // 4, interpolation='bilinear')(x)
    x = layers.Concatenate()([x, low])
    x = conv_block(x, 256, 3, weight_decay=weight_decay)
    x = layers.UpSampling2D(4, interpolation='bilinear')(x)
    out = layers.Conv2D(classes, 1, activation=activation,
                        kernel_regularizer=regularizers.l2(weight_decay))(x)  # expect: WD103
    return Model(inp, out)

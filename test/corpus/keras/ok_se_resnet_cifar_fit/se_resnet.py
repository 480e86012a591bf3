# Idiom seen in: titu1994/keras-squeeze-excite-network se_resnet.py
# What it reproduces: SEResNet(weight_decay=...) that puts l2(weight_decay) on the stem convolution and
#   the classifier only; the model is trained with compile + fit, which adds model.losses (clean).
from keras.models import Model
from keras.layers import Input, Dense, Reshape, Activation, BatchNormalization, MaxPooling2D
from keras.layers import GlobalAveragePooling2D, Conv2D, add, multiply
from keras.regularizers import l2
from keras import backend as K


def _squeeze_excite_block(input, filters, k=1):
    se_shape = (1, 1, filters * k)
    se = GlobalAveragePooling2D()(input)
    se = Reshape(se_shape)(se)
    se = Dense((filters * k) // 16, activation='relu', kernel_initializer='he_normal', use_bias=False)(se)
    se = Dense(filters * k, activation='sigmoid', kernel_initializer='he_normal', use_bias=False)(se)
    return se


def _resnet_block(input, filters, k=1, strides=(1, 1)):
    init = input
    channel_axis = 1 if K.image_data_format() == "channels_first" else -1
    x = BatchNormalization(axis=channel_axis)(input)
    x = Activation('relu')(x)
    if strides != (1, 1) or K.int_shape(init)[channel_axis] != filters * k:
        init = Conv2D(filters * k, (1, 1), padding='same', kernel_initializer='he_normal',
                      use_bias=False, strides=strides)(x)
    x = Conv2D(filters * k, (3, 3), padding='same', kernel_initializer='he_normal',
               use_bias=False, strides=strides)(x)
    x = BatchNormalization(axis=channel_axis)(x)
    x = Activation('relu')(x)
    x = Conv2D(filters * k, (3, 3), padding='same', kernel_initializer='he_normal', use_bias=False)(x)
    se = _squeeze_excite_block(x, filters, k)
    x = multiply([x, se])
    return add([x, init])


def SEResNet(input_shape=None, initial_conv_filters=64, depth=[2, 2, 2, 2], filters=[64, 128, 256, 512],
             width=1, weight_decay=1e-4, classes=1000):
    img_input = Input(shape=input_shape)
    channel_axis = 1 if K.image_data_format() == 'channels_first' else -1
    N = list(depth)
    x = Conv2D(initial_conv_filters, (7, 7), padding='same', use_bias=False, strides=(2, 2),
               kernel_initializer='he_normal', kernel_regularizer=l2(weight_decay))(img_input)
    x = MaxPooling2D((3, 3), strides=(2, 2), padding='same')(x)
    for i in range(N[0]):
        x = _resnet_block(x, filters[0], width)
    for k in range(1, len(N)):
        x = _resnet_block(x, filters[k], width, strides=(2, 2))
        for i in range(N[k] - 1):
            x = _resnet_block(x, filters[k], width)
    x = BatchNormalization(axis=channel_axis)(x)
    x = Activation('relu')(x)
    x = GlobalAveragePooling2D()(x)
    x = Dense(classes, use_bias=False, kernel_regularizer=l2(weight_decay), activation='softmax')(x)
    return Model(img_input, x, name='se-resnet')


def SEResNet18(input_shape=None, width=1, weight_decay=1e-4, classes=1000):
    return SEResNet(input_shape, depth=[2, 2, 2, 2], width=width, weight_decay=weight_decay, classes=classes)

# Idiom seen in: KUASWoodyLIN/TF2-WGAN utils/models.py
# What it reproduces: DCGAN-style functional Generator / Discriminator builders, here with an l2_reg
#   argument on their conv kernels; train.py adds discriminator.losses to d_loss but never adds
#   generator.losses to g_loss, so only the generator's regularizer is dead.
from tensorflow import keras

L2_REG = 1e-4


def _up(x, filters, strides, padding, l2_reg):
    x = keras.layers.Conv2DTranspose(filters, 4, strides=strides, padding=padding, use_bias=False,
                                     kernel_regularizer=keras.regularizers.l2(l2_reg))(x)  # expect: WD103
    x = keras.layers.BatchNormalization()(x)
    return keras.layers.LeakyReLU()(x)


def _down(x, filters, l2_reg, bn=True):
    x = keras.layers.Conv2D(filters, 4, strides=2, padding='same', use_bias=not bn,
                            kernel_regularizer=keras.regularizers.l2(l2_reg))(x)
    if bn:
        x = keras.layers.BatchNormalization()(x)
    return keras.layers.LeakyReLU()(x)


def Generator(input_shape=(1, 1, 128), l2_reg=L2_REG, name='Generator'):
    inputs = keras.Input(shape=input_shape)
    x = _up(inputs, 512, 1, 'valid', l2_reg)   # 1x1 -> 4x4
    x = _up(x, 256, 2, 'same', l2_reg)         # 4x4 -> 8x8
    x = _up(x, 128, 2, 'same', l2_reg)         # 8x8 -> 16x16
    x = _up(x, 64, 2, 'same', l2_reg)          # 16x16 -> 32x32
    x = keras.layers.Conv2DTranspose(3, 4, strides=2, padding='same', use_bias=False)(x)
    outputs = keras.layers.Activation('tanh')(x)
    return keras.Model(inputs=inputs, outputs=outputs, name=name)


def Discriminator(input_shape=(64, 64, 3), l2_reg=L2_REG, name='Discriminator'):
    inputs = keras.Input(shape=input_shape)
    x = _down(inputs, 64, l2_reg, bn=False)    # 64x64 -> 32x32
    x = _down(x, 128, l2_reg)                  # 32x32 -> 16x16
    x = _down(x, 256, l2_reg)                  # 16x16 -> 8x8
    x = _down(x, 512, l2_reg)                  # 8x8 -> 4x4
    outputs = keras.layers.Conv2D(1, 4, strides=1, padding='valid')(x)
    return keras.Model(inputs=inputs, outputs=outputs, name=name)

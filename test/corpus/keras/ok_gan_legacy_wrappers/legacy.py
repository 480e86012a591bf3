# Idiom seen in: cyrsis/TensorflowPY36CPU _7_Keras/GAN/legacy.py
# What it reproduces: Keras 1/2 compatibility wrappers that turn the old W_regularizer= argument into
# kernel_regularizer=; the GAN in example_gan.py compiles its models and trains them with train_on_batch,
# which adds the layers' regularization losses: clean.
import keras

keras_2 = int(keras.__version__.split('.')[0]) > 1


def l1l2(l1=0, l2=0):
    if keras_2:
        return keras.regularizers.L1L2(l1, l2)
    return keras.regularizers.l1l2(l1, l2)


def Dense(units, W_regularizer=None, W_initializer='glorot_uniform', **kwargs):
    if keras_2:
        return keras.layers.Dense(units, kernel_regularizer=W_regularizer,
                                  kernel_initializer=W_initializer, **kwargs)
    return keras.layers.Dense(units, W_regularizer=W_regularizer, init=W_initializer, **kwargs)


def Convolution2D(units, w, h, W_regularizer=None, border_mode='same', **kwargs):
    if keras_2:
        return keras.layers.Conv2D(units, (w, h), padding=border_mode,
                                   kernel_regularizer=W_regularizer, **kwargs)
    return keras.layers.Convolution2D(units, w, h, border_mode=border_mode,
                                      W_regularizer=W_regularizer, **kwargs)


def BatchNormalization(mode=0, **kwargs):
    if keras_2:
        return keras.layers.BatchNormalization(**kwargs)
    return keras.layers.BatchNormalization(mode=mode, **kwargs)

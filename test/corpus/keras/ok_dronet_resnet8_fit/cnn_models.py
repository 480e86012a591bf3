# Idiom seen in: uzh-rpg/rpg_public_dronet cnn_models.py
# What it reproduces: DroNet's ResNet-8 (functional Keras, two heads: steering and collision) with
#   kernel_regularizer=l2(1e-4) on the residual convolutions; trained with compile/fit (clean).
from keras import regularizers
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, Input, MaxPooling2D, add
from keras.layers.normalization import BatchNormalization
from keras.models import Model


def res_block(x, filters):
    x_in = x
    x = BatchNormalization()(x)
    x = Activation('relu')(x)
    x = Conv2D(filters, (3, 3), strides=[2, 2], padding='same',
               kernel_initializer='he_normal',
               kernel_regularizer=regularizers.l2(1e-4))(x)
    x = BatchNormalization()(x)
    x = Activation('relu')(x)
    x = Conv2D(filters, (3, 3), padding='same',
               kernel_initializer='he_normal',
               kernel_regularizer=regularizers.l2(1e-4))(x)
    shortcut = Conv2D(filters, (1, 1), strides=[2, 2], padding='same')(x_in)
    return add([shortcut, x])


def resnet8(img_width, img_height, img_channels, output_dim):
    img_input = Input(shape=(img_height, img_width, img_channels))
    x1 = Conv2D(32, (5, 5), strides=[2, 2], padding='same')(img_input)
    x1 = MaxPooling2D(pool_size=(3, 3), strides=[2, 2])(x1)
    x3 = res_block(x1, 32)
    x5 = res_block(x3, 64)
    x7 = res_block(x5, 128)
    x = Flatten()(x7)
    x = Activation('relu')(x)
    x = Dropout(0.5)(x)
    steer = Dense(output_dim)(x)
    coll = Dense(output_dim)(x)
    coll = Activation('sigmoid')(coll)
    model = Model(inputs=[img_input], outputs=[steer, coll])
    print(model.summary())
    return model

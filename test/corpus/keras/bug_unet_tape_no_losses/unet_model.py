# Idiom seen in: zhixuhao/unet model.py
# What it reproduces: the repo's U-Net (two 3x3 convs per level, 4 levels, sigmoid 1x1 head) with the user's
#   additions for a medical dataset: BN after each conv and kernel_regularizer=regularizers.l2(l2_lambda)
#   on every block conv. train.py trains it in a GradientTape loop whose dice loss leaves out model.losses.
from tensorflow.keras import regularizers
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, Dropout, Conv2DTranspose, concatenate
from tensorflow.keras.layers import BatchNormalization as bn
from tensorflow.keras.models import Model


def conv_block(x, filters, l2_lambda, kernel_size=3):
    for _ in range(2):
        x = Conv2D(filters, (kernel_size, kernel_size), activation='relu', padding='same', kernel_regularizer=regularizers.l2(l2_lambda))(x)  # expect: WD103
        x = bn()(x)
    return x


def unet(input_size=(256, 256, 1), l2_lambda=0.0002, DropP=0.3):
    inputs = Input(input_size)
    skips = []
    x = inputs
    for filters in (32, 64, 128, 256):
        x = conv_block(x, filters, l2_lambda)
        skips.append(x)
        x = MaxPooling2D(pool_size=(2, 2))(x)
        x = Dropout(DropP)(x)

    x = conv_block(x, 512, l2_lambda)

    for filters, skip in zip((256, 128, 64, 32), reversed(skips)):
        x = Conv2DTranspose(filters, (2, 2), strides=(2, 2), padding='same')(x)
        x = concatenate([x, skip], axis=3)
        x = Dropout(DropP)(x)
        x = conv_block(x, filters, l2_lambda)

    outputs = Conv2D(1, (1, 1), activation='sigmoid')(x)
    return Model(inputs=[inputs], outputs=[outputs])

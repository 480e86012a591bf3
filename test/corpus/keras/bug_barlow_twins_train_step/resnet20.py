# Idiom seen in: sayakpaul/Barlow-Twins-TF resnet20.py
# What it reproduces: ResNet-20 encoder + projection head with kernel_regularizer=l2(WEIGHT_DECAY) on each conv
#   and dense; the BarlowTwins.train_step override never adds the encoder's losses (real bug).
import tensorflow as tf
from tensorflow.keras.layers import (Activation, Add, BatchNormalization, Conv2D, Dense,
                                     GlobalAvgPool2D, Input, ReLU, experimental)
from tensorflow.keras.regularizers import l2

WEIGHT_DECAY = 5e-4


def stem(inputs):
    x = Conv2D(16, (3, 3), strides=(1, 1), padding="same", use_bias=False,
               kernel_regularizer=l2(WEIGHT_DECAY))(inputs)  # expect: WD103
    x = BatchNormalization()(x)
    return ReLU()(x)


def identity_block(x, n_filters, n=2):
    shortcut = x
    x = ReLU()(BatchNormalization()(x))
    x = Conv2D(n_filters, (1, 1), strides=(1, 1), use_bias=False,
               kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
    x = ReLU()(BatchNormalization()(x))
    x = Conv2D(n_filters, (3, 3), strides=(1, 1), padding="same", use_bias=False,
               kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
    x = ReLU()(BatchNormalization()(x))
    x = Conv2D(n_filters * n, (1, 1), strides=(1, 1), use_bias=False,
               kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
    return Add()([x, shortcut])


def projection_block(x, n_filters, strides=(2, 2), n=2):
    shortcut = Conv2D(n_filters * n, (1, 1), strides=strides, use_bias=False,
                      kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
    x = ReLU()(BatchNormalization()(x))
    x = Conv2D(n_filters, (3, 3), strides=strides, padding="same", use_bias=False,
               kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
    x = ReLU()(BatchNormalization()(x))
    x = Conv2D(n_filters * n, (1, 1), strides=(1, 1), use_bias=False,
               kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
    return Add()([shortcut, x])


def learner(x, n_blocks):
    for n_filters, strides, n in [(16, (1, 1), 4), (64, (2, 2), 2), (128, (2, 2), 2)]:
        x = projection_block(x, n_filters, strides=strides, n=n)
        for _ in range(n_blocks):
            x = identity_block(x, n_filters, n)
    return x


def projection_head(x, hidden_dim=128):
    for i in range(2):
        x = Dense(hidden_dim, name=f"projection_layer_{i}",
                  kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
        x = BatchNormalization()(x)
        x = Activation("relu")(x)
    return Dense(hidden_dim, name="projection_output")(x)


def get_network(n=2, hidden_dim=128):
    inputs = Input(shape=(32, 32, 3))
    x = experimental.preprocessing.Rescaling(scale=1.0 / 127.5, offset=-1)(inputs)
    x = stem(x)
    x = learner(x, n)
    x = GlobalAvgPool2D(name="backbone_pool")(x)
    outputs = projection_head(x, hidden_dim=hidden_dim)
    return tf.keras.Model(inputs, outputs, name="resnet20_barlow")

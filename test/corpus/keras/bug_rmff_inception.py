# Idiom seen in: repository not resolved by the code index (index file id 1488597729: a Keras GoogLeNet /
# "RMFF_CNN" file whose inception_module_CNN(..., weight_decay=None) builds l2 regularizers only under
# `if weight_decay:`, and whose bottleneck_Block calls it without ever passing weight_decay)
# What it reproduces: decay machinery guarded by `if weight_decay:` while every call leaves weight_decay at its
# None default, so no layer of the trained network is regularized although WEIGHT_DECAY is defined (WD303).
import argparse

from keras import regularizers
from keras.layers import (Activation, AveragePooling2D, BatchNormalization, Conv2D, Dense, Dropout,
                          Flatten, Input, MaxPooling2D, add, concatenate)
from keras.models import Model
from keras.optimizers import Adam

from hsi_patches import load_patches  # hyperspectral patch loader, not in this folder

NB_CLASS = 16
DROPOUT = 0.3
WEIGHT_DECAY = 0.0005
CONCAT_AXIS = 3


def inception_module_cnn(x, params, padding="same", activation="relu", weight_decay=None):
    branch1, branch2, branch3 = params
    if weight_decay:  # expect: WD303
        kernel_regularizer = regularizers.l2(weight_decay)
        bias_regularizer = regularizers.l2(weight_decay)
    else:
        kernel_regularizer = None
        bias_regularizer = None

    def conv(t, filters, k):
        return Conv2D(filters, k, padding=padding, activation=activation,
                      kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer)(t)

    path1 = conv(x, branch1[0], (1, 1))
    path2 = conv(conv(x, branch2[0], (1, 1)), branch2[1], (3, 3))
    path3 = conv(conv(x, branch3[0], (1, 1)), branch3[1], (5, 5))
    return concatenate([path1, path2, path3], axis=CONCAT_AXIS)


def conv2d_bn(x, nb_filter, kernel_size, strides=(1, 1), padding="same"):
    x = Conv2D(nb_filter, kernel_size, padding=padding, strides=strides, activation="relu")(x)
    return BatchNormalization(axis=CONCAT_AXIS)(x)


def bottleneck_block(inpt, nb_filters, params, with_conv_shortcut=False):
    x = inception_module_cnn(inpt, params=params)
    x = conv2d_bn(x, nb_filter=nb_filters, kernel_size=1)
    if with_conv_shortcut:
        shortcut = conv2d_bn(inpt, nb_filter=nb_filters, kernel_size=1)
        return add([x, shortcut])
    return add([x, inpt])


def rmff_cnn(out_class, input_shape=(28, 28, 3)):
    inpt = Input(shape=input_shape)
    x = add([Conv2D(2, (k, k), padding="same", activation="relu")(inpt) for k in range(1, 6)])
    x = BatchNormalization(axis=CONCAT_AXIS)(x)

    x = bottleneck_block(x, 56, [(16,), (24, 32), (4, 8)], with_conv_shortcut=True)
    x = bottleneck_block(x, 56, [(16,), (24, 32), (4, 8)])
    x = Dropout(DROPOUT)(MaxPooling2D((3, 3), strides=(2, 2), padding="same")(x))

    x = bottleneck_block(x, 112, [(32,), (48, 64), (8, 16)], with_conv_shortcut=True)
    x = bottleneck_block(x, 112, [(32,), (48, 64), (8, 16)])
    x = Dropout(DROPOUT)(MaxPooling2D((3, 3), strides=(2, 2), padding="same")(x))

    x = bottleneck_block(x, 224, [(64,), (96, 128), (16, 32)], with_conv_shortcut=True)
    x = AveragePooling2D(pool_size=(7, 7))(x)
    x = Dropout(DROPOUT)(Flatten()(x))
    out = Dense(out_class)(x)
    return Model(inputs=inpt, outputs=Activation("softmax")(out))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default="indian_pines")
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--lr", type=float, default=1e-3)
    opts = ap.parse_args()

    (x_tr, y_tr), (x_te, y_te) = load_patches(opts.dataset, patch=28)
    model = rmff_cnn(NB_CLASS)
    model.compile(optimizer=Adam(learning_rate=opts.lr), loss="categorical_crossentropy", metrics=["acc"])
    model.fit(x_tr, y_tr, batch_size=64, epochs=opts.epochs, validation_data=(x_te, y_te))

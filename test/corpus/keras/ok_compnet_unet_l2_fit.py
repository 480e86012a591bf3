# Idiom seen in: raun1/MICCAI2018---Complementary_Segmentation_Network-Raw-Code src/comp_net_raw.py
# What it reproduces: a Keras U-Net for skull-stripping MRI slices with l2_lambda = 0.0002 on every Conv2D
# (kernel_regularizer=regularizers.l2(l2_lambda)), BatchNormalization, dice loss, compiled with Adam and fitted with
# ModelCheckpoint. Clean: fit minimizes dice + the regularization losses.
import os

import numpy as np
from keras import backend as K
from keras import regularizers
from keras.callbacks import ModelCheckpoint
from keras.layers import Input, Conv2D, MaxPooling2D, Conv2DTranspose, Dropout, concatenate
from keras.layers.normalization import BatchNormalization as bn
from keras.models import Model
from keras.optimizers import Adam

os.environ['CUDA_VISIBLE_DEVICES'] = '1'
smooth = 1.


def dice_coef(y_true, y_pred):
    y_true_f = K.flatten(y_true)
    y_pred_f = K.flatten(y_pred)
    intersection = K.sum(y_true_f * y_pred_f)
    return (2. * intersection + smooth) / (K.sum(y_true_f) + K.sum(y_pred_f) + smooth)


def dice_coef_loss(y_true, y_pred):
    return -dice_coef(y_true, y_pred)


def UNet(input_shape, learn_rate=1e-3):
    l2_lambda = 0.0002
    DropP = 0.3
    kernel_size = 3

    def block(x, filters):
        x = Conv2D(filters, (kernel_size, kernel_size), activation='relu', padding='same',
                   kernel_regularizer=regularizers.l2(l2_lambda))(x)
        x = bn()(x)
        x = Conv2D(filters, (kernel_size, kernel_size), activation='relu', padding='same',
                   kernel_regularizer=regularizers.l2(l2_lambda))(x)
        return bn()(x)

    inputs = Input(input_shape)
    c1 = block(inputs, 12)
    p1 = Dropout(DropP)(MaxPooling2D((2, 2))(c1))
    c2 = block(p1, 24)
    p2 = Dropout(DropP)(MaxPooling2D((2, 2))(c2))
    c3 = block(p2, 48)
    p3 = Dropout(DropP)(MaxPooling2D((2, 2))(c3))
    c4 = block(p3, 96)
    u5 = concatenate([Conv2DTranspose(48, (2, 2), strides=(2, 2), padding='same')(c4), c3], axis=3)
    c5 = block(Dropout(DropP)(u5), 48)
    u6 = concatenate([Conv2DTranspose(24, (2, 2), strides=(2, 2), padding='same')(c5), c2], axis=3)
    c6 = block(Dropout(DropP)(u6), 24)
    u7 = concatenate([Conv2DTranspose(12, (2, 2), strides=(2, 2), padding='same')(c6), c1], axis=3)
    c7 = block(Dropout(DropP)(u7), 12)
    outputs = Conv2D(1, (1, 1), activation='sigmoid', name='final_op')(c7)

    model = Model(inputs=[inputs], outputs=[outputs])
    model.compile(optimizer=Adam(lr=learn_rate), loss=dice_coef_loss, metrics=[dice_coef])
    return model


if __name__ == '__main__':
    X_train = np.load('/data/oasis/x_train.npy')
    y_train = np.load('/data/oasis/y_train.npy')
    model = UNet(input_shape=(256, 256, 1))
    checkpoint = ModelCheckpoint('compnet_unet.h5', monitor='val_loss', save_best_only=True)
    model.fit(X_train, y_train, batch_size=16, epochs=50, validation_split=0.1, callbacks=[checkpoint])

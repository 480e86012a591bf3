# Idiom seen in: attilasimko/drs AMRI/models.py
# Idiom seen in: attilasimko/drs AMRI/training.py
# What it reproduces: MRI artefact-removal networks built by a build_model() factory that passes
#   l2(reg_alpha) into its sub-nets, compiles each model, and a script that trains them with
#   model.train_on_batch in a hand-written epoch loop; Keras adds model.losses itself: clean.
import tensorflow as tf
from tensorflow.keras.layers import (BatchNormalization, Concatenate, Conv2D, Input, Lambda,
                                     LeakyReLU, UpSampling2D)
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD, Adam, RMSprop
from tensorflow.keras.regularizers import l2

from utils import img_to_kspace, kspace_to_img, normalize_z


def feature_extraction_net(inp, num_filters=2, reg=None):
    x_0 = Conv2D(num_filters, kernel_size=3, padding="same", kernel_regularizer=reg)(inp[:, :, :, 0:1])
    x_1 = Conv2D(num_filters, kernel_size=3, padding="same", kernel_regularizer=reg)(inp[:, :, :, 1:2])
    return Concatenate()([x_0, x_1])


def inference_net(inp, num_filters=64, reg=None):
    x = Conv2D(8, kernel_size=3, padding='same', kernel_regularizer=reg)(inp)
    x = x_1 = LeakyReLU(0.2)(BatchNormalization()(x))
    x = Conv2D(num_filters, 3, padding='same', strides=(2, 2), activation='relu', kernel_regularizer=reg)(x)
    x = Conv2D(num_filters, 3, padding='same', activation='relu', kernel_regularizer=reg)(x)
    x = LeakyReLU(0.2)(BatchNormalization()(x))
    x = UpSampling2D((2, 2))(x)
    x = Concatenate()([x, x_1])
    x = Conv2D(num_filters, 3, padding='same', kernel_regularizer=reg)(x)
    return x


def reconstruction_net(inp, n_classes, reg=None):
    return [Conv2D(2, kernel_size=3, padding="same", kernel_regularizer=reg, name=f"full_{i}")(inp)
            for i in range(n_classes)]


def build_model(inp, indexes, num_artefacts, num_filters, kspace, reg_alpha, optimizer_type, lr):
    if optimizer_type == "adam":
        optimizer = Adam(learning_rate=lr)
    elif optimizer_type == "rmsprop":
        optimizer = RMSprop(learning_rate=lr)
    else:
        optimizer = SGD(learning_rate=lr)

    inp_data = Concatenate()([inp, tf.zeros_like(inp)])
    if kspace:
        inp_data = Lambda(img_to_kspace)(inp_data)
    features = feature_extraction_net(inp_data, reg=l2(reg_alpha))
    features = inference_net(features, num_filters, reg=l2(reg_alpha))
    out_comp = reconstruction_net(features, num_artefacts, reg=l2(reg_alpha))
    if kspace:
        out_comp = [Lambda(kspace_to_img)(c) for c in out_comp]

    out_specific = inp_data[:, :, :, 0:1]
    for i in range(num_artefacts):
        out_specific = out_specific + indexes[:, i, None, None, None] * out_comp[i][:, :, :, 0:1]
    out_specific = Lambda(normalize_z)(out_specific)
    model = Model([inp, indexes], out_specific)
    model.compile(loss="mse", optimizer=optimizer)

    out_full = inp_data[:, :, :, 0:1]
    for i in range(num_artefacts):
        out_full = out_full + out_comp[i][:, :, :, 0:1]
    model_full = Model([inp], Lambda(normalize_z)(out_full))
    model_full.compile(loss="mse", optimizer=optimizer)
    return model, model_full


class KIKI:
    def __init__(self, lr, optimizer, alpha, num_filters=64, num_artefacts=4):
        img_input = Input(shape=(320, 320, 1))
        idx_input = Input(shape=(num_artefacts, 1))
        self.K1, self.K1_full = build_model(img_input, idx_input, num_artefacts, num_filters, True,
                                            alpha[0], optimizer, lr)
        self.I1, self.I1_full = build_model(img_input, idx_input, num_artefacts, num_filters, False,
                                            alpha[1], optimizer, lr)

# Idiom seen in: kongjiellx/AlphaZero-Renju cpp/py/py_model.py
# What it reproduces: AlphaZero policy/value network for Renju: every Conv2D/Dense has kernel_regularizer and
#   bias_regularizer = l2(conf.model_conf.l2_c), but the exported tf.function train_step computes
#   loss = p_loss + v_loss under the tape, without self.model.losses: none of the regularizers trains (WD103,
#   as in the real repository's C++-driven trainer).
import tensorflow as tf
from tensorflow.keras import losses, optimizers
from tensorflow.keras.layers import (Input, Conv2D, BatchNormalization, Activation, Flatten, Dense, Add)
from tensorflow.keras.regularizers import l2

import conf


def residual_block(x):
    t = Conv2D(filters=32, kernel_size=3, padding="same",
               kernel_regularizer=l2(conf.model_conf.l2_c),  # expect: WD103
               bias_regularizer=l2(conf.model_conf.l2_c))(x)  # expect: WD103
    t = BatchNormalization()(t)
    t = Activation('elu')(t)
    t = Conv2D(filters=32, kernel_size=3, padding="same",
               kernel_regularizer=l2(conf.model_conf.l2_c),  # expect: WD103
               bias_regularizer=l2(conf.model_conf.l2_c))(t)  # expect: WD103
    t = BatchNormalization()(t)
    return Activation('elu')(Add()([x, t]))


class Model(tf.Module):
    def __init__(self):
        size = conf.game_conf.board_size
        inputs = Input(shape=(size, size, 3))
        x = Conv2D(filters=32, kernel_size=3, padding="same",
                   kernel_regularizer=l2(conf.model_conf.l2_c),  # expect: WD103
                   bias_regularizer=l2(conf.model_conf.l2_c))(inputs)  # expect: WD103
        x = Activation('elu')(BatchNormalization()(x))
        for _ in range(conf.model_conf.residual_blocks):
            x = residual_block(x)

        ph = Conv2D(filters=2, kernel_size=1,
                    kernel_regularizer=l2(conf.model_conf.l2_c),  # expect: WD103
                    bias_regularizer=l2(conf.model_conf.l2_c))(x)  # expect: WD103
        ph = Flatten()(Activation('elu')(BatchNormalization()(ph)))
        ph = Dense(size * size, activation="softmax",
                   kernel_regularizer=l2(conf.model_conf.l2_c),  # expect: WD103
                   bias_regularizer=l2(conf.model_conf.l2_c))(ph)  # expect: WD103

        vh = Conv2D(filters=1, kernel_size=1,
                    kernel_regularizer=l2(conf.model_conf.l2_c),  # expect: WD103
                    bias_regularizer=l2(conf.model_conf.l2_c))(x)  # expect: WD103
        vh = Flatten()(Activation('elu')(BatchNormalization()(vh)))
        vh = Dense(1, activation='tanh',
                   kernel_regularizer=l2(conf.model_conf.l2_c),  # expect: WD103
                   bias_regularizer=l2(conf.model_conf.l2_c))(vh)  # expect: WD103

        self.model = tf.keras.models.Model(inputs=inputs, outputs=[ph, vh])
        self.optimizer = optimizers.Adam(learning_rate=conf.model_conf.lr)

    @tf.function
    def train_step(self, x, p, v):
        p_loss_func = losses.CategoricalCrossentropy()
        v_loss_func = losses.MeanSquaredError()
        with tf.GradientTape() as tape:
            predictions = self.model(x)
            p_loss = p_loss_func(p, predictions[0])
            v_loss = v_loss_func(v, predictions[1])
            loss = p_loss + v_loss
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        return loss

    @tf.function
    def predict_func(self, x):
        return self.model(x)

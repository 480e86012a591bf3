# Idiom seen in: kongjiellx/AlphaZero-Renju py/src/model.py
# Idiom seen in: kongjiellx/AlphaZero-Renju py/src/train.py
# What it reproduces: the Python-side AlphaZero Renju net: kernel_regularizer and bias_regularizer l2(conf.l2_c)
#   on every layer, compiled with SGD(momentum=0.9) on [categorical_crossentropy, mse] and trained with
#   model.fit on self-play batches; fit adds model.losses to the loss. Clean.
import numpy as np
import tensorflow as tf
import tensorflow.keras as keras
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Input, Conv2D, BatchNormalization, Activation, Flatten, Dense, Add
from tensorflow.keras.regularizers import l2
from tensorflow.keras.callbacks import EarlyStopping

from py.src import conf
from py.src.producer import Producer


def residual_block(x):
    t = Conv2D(filters=32, kernel_size=3, padding="same", kernel_regularizer=l2(conf.l2_c),
               bias_regularizer=l2(conf.l2_c))(x)
    t = BatchNormalization()(t)
    t = Activation('elu')(t)
    t = Conv2D(filters=32, kernel_size=3, padding="same", kernel_regularizer=l2(conf.l2_c),
               bias_regularizer=l2(conf.l2_c))(t)
    t = BatchNormalization()(t)
    return Activation('elu')(Add()([x, t]))


class Net(object):
    def __init__(self):
        inputs = Input(shape=(conf.board_size, conf.board_size, 3))
        x = Conv2D(filters=32, kernel_size=3, padding="same", kernel_regularizer=l2(conf.l2_c),
                   bias_regularizer=l2(conf.l2_c))(inputs)
        x = Activation('elu')(BatchNormalization()(x))
        for _ in range(conf.residual_blocks):
            x = residual_block(x)

        ph = Conv2D(filters=2, kernel_size=1, kernel_regularizer=l2(conf.l2_c), bias_regularizer=l2(conf.l2_c))(x)
        ph = Flatten()(Activation('elu')(BatchNormalization()(ph)))
        ph = Dense(conf.num_outputs, activation="softmax", kernel_regularizer=l2(conf.l2_c),
                   bias_regularizer=l2(conf.l2_c))(ph)

        vh = Conv2D(filters=1, kernel_size=1, kernel_regularizer=l2(conf.l2_c), bias_regularizer=l2(conf.l2_c))(x)
        vh = Flatten()(Activation('elu')(BatchNormalization()(vh)))
        vh = Dense(20, activation='elu', kernel_regularizer=l2(conf.l2_c), bias_regularizer=l2(conf.l2_c))(vh)
        vh = Dense(1, activation='tanh', kernel_regularizer=l2(conf.l2_c), bias_regularizer=l2(conf.l2_c))(vh)

        net = Model(inputs=inputs, outputs=[ph, vh])
        net.compile(optimizer=keras.optimizers.SGD(learning_rate=conf.lr, momentum=0.9),
                    loss=["categorical_crossentropy", "mean_squared_error"])
        self.net = net

    def train(self, x, y1, y2):
        r = self.net.fit(x=np.array(x, dtype=np.float32),
                         y=[np.array(y1, dtype=np.float32), np.array(y2, dtype=np.float32)],
                         batch_size=conf.batch_size, epochs=100,
                         validation_split=conf.validation_split, callbacks=[EarlyStopping()])
        print("total train loss: %s, total valid loss: %s" % (r.history["loss"][-1], r.history["val_loss"][-1]))

    def predict(self, x):
        res = self.net.predict(x)
        return res[0][0], res[1][0][0]


if __name__ == "__main__":
    net = Net()
    producer = Producer()
    data = producer.playn(conf.init_game_num, net)
    while True:
        data.extend(producer.playn(conf.batch_game_num, net))
        x, y1, y2 = zip(*data[-conf.batch_size * 50:])
        net.train(list(x), list(y1), list(y2))

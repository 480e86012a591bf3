# Idiom seen in: yu4u/age-gender-estimation wide_resnet.py
# Idiom seen in: yu4u/age-gender-estimation train.py
# What it reproduces: WideResNet puts l2(self._weight_decay) on conv and dense kernels (no bias), and the
# two-output model is trained with compile + fit, which adds model.losses itself (clean).
import logging

from keras import backend as K
from keras.layers import Activation, Add, AveragePooling2D, BatchNormalization, Conv2D, Dense, Flatten, Input
from keras.models import Model
from keras.regularizers import l2


class WideResNet:
    def __init__(self, image_size, depth=16, k=8):
        self._depth = depth
        self._k = k
        self._dropout_probability = 0
        self._weight_decay = 0.0005
        self._use_bias = False
        self._weight_init = 'he_normal'
        self._channel_axis = -1
        self._input_shape = (image_size, image_size, 3)

    def _wide_basic(self, n_input_plane, n_output_plane, stride):
        def f(net):
            convs = BatchNormalization(axis=self._channel_axis)(net)
            convs = Activation('relu')(convs)
            convs = Conv2D(n_output_plane, kernel_size=(3, 3), strides=stride, padding='same', kernel_initializer=self._weight_init, kernel_regularizer=l2(self._weight_decay), use_bias=self._use_bias)(convs)
            convs = BatchNormalization(axis=self._channel_axis)(convs)
            convs = Activation('relu')(convs)
            convs = Conv2D(n_output_plane, kernel_size=(3, 3), strides=(1, 1), padding='same', kernel_initializer=self._weight_init, kernel_regularizer=l2(self._weight_decay), use_bias=self._use_bias)(convs)
            if n_input_plane != n_output_plane:
                shortcut = Conv2D(n_output_plane, kernel_size=(1, 1), strides=stride, padding='same', kernel_initializer=self._weight_init, kernel_regularizer=l2(self._weight_decay), use_bias=self._use_bias)(net)
            else:
                shortcut = net
            return Add()([convs, shortcut])
        return f

    def __call__(self):
        logging.debug('Creating model...')
        n = (self._depth - 4) / 6
        inputs = Input(shape=self._input_shape)
        n_stages = [16, 16 * self._k, 32 * self._k, 64 * self._k]
        conv1 = Conv2D(filters=n_stages[0], kernel_size=(3, 3), strides=(1, 1), padding='same', kernel_initializer=self._weight_init, kernel_regularizer=l2(self._weight_decay), use_bias=self._use_bias)(inputs)
        net = conv1
        for i, stride in enumerate([(1, 1), (2, 2), (2, 2)]):
            net = self._wide_basic(n_stages[i], n_stages[i + 1], stride)(net)
            for _ in range(int(n) - 1):
                net = self._wide_basic(n_stages[i + 1], n_stages[i + 1], (1, 1))(net)
        batch_norm = BatchNormalization(axis=self._channel_axis)(net)
        relu = Activation('relu')(batch_norm)
        pool = AveragePooling2D(pool_size=(8, 8), strides=(1, 1), padding='same')(relu)
        flatten = Flatten()(pool)
        predictions_g = Dense(units=2, kernel_initializer=self._weight_init, use_bias=self._use_bias, kernel_regularizer=l2(self._weight_decay), activation='softmax', name='pred_gender')(flatten)
        predictions_a = Dense(units=101, kernel_initializer=self._weight_init, use_bias=self._use_bias, kernel_regularizer=l2(self._weight_decay), activation='softmax', name='pred_age')(flatten)
        return Model(inputs=inputs, outputs=[predictions_g, predictions_a])

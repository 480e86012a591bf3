# Idiom seen in: nl8590687/ASRT_SpeechRecognition model_zoo/speech_model/keras_backend.py
# Idiom seen in: nl8590687/ASRT_SpeechRecognition speech_model.py
# What it reproduces: ASRT's acoustic model (stacked Conv2D/BN blocks, Dense softmax, CTC computed in a
#   Lambda layer named 'ctc' and compiled with the identity loss); the conv and dense kernels carry l2
#   regularizers and the model is trained with compile/fit, which adds model.losses. Clean.
import tensorflow as tf
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Dense, Dropout, Input, Reshape, BatchNormalization
from tensorflow.keras.layers import Lambda, Activation, Conv2D, MaxPooling2D
from tensorflow.keras.regularizers import l2
from tensorflow.keras import backend as K

L2_REG = 1e-5


def conv_bn_block(x, filters, pool=True):
    for _ in range(2):
        x = Conv2D(filters, (3, 3), use_bias=True, padding='same', kernel_initializer='he_normal', kernel_regularizer=l2(L2_REG))(x)
        x = BatchNormalization(epsilon=0.0002)(x)
        x = Activation('relu')(x)
    if pool:
        x = MaxPooling2D(pool_size=2, strides=None, padding='valid')(x)
    return x


class SpeechModel251BN(object):
    def __init__(self, input_shape=(1600, 200, 1), output_size=1428):
        self.input_shape = input_shape
        self._pool_size = 8
        self.output_shape = (input_shape[0] // self._pool_size, output_size)
        self._model_name = 'SpeechModel251bn'
        self.model, self.model_base = self._define_model(self.input_shape, self.output_shape[1])

    def _define_model(self, input_shape, output_size):
        label_max_string_length = 64
        input_data = Input(name='the_input', shape=input_shape)
        x = conv_bn_block(input_data, 32)
        x = conv_bn_block(x, 64)
        x = conv_bn_block(x, 128)
        x = conv_bn_block(x, 128, pool=False)
        x = Reshape((input_shape[0] // self._pool_size, input_shape[1] // self._pool_size * 128))(x)
        x = Dense(128, activation='relu', use_bias=True, kernel_initializer='he_normal', kernel_regularizer=l2(L2_REG))(x)
        x = Dropout(0.2)(x)
        y_pred = Dense(output_size, activation='softmax', use_bias=True, kernel_initializer='he_normal')(x)
        model_base = Model(inputs=input_data, outputs=y_pred)

        labels = Input(name='the_labels', shape=[label_max_string_length], dtype='float32')
        input_length = Input(name='input_length', shape=[1], dtype='int64')
        label_length = Input(name='label_length', shape=[1], dtype='int64')
        loss_out = Lambda(self.ctc_lambda_func, output_shape=(1,), name='ctc')([y_pred, labels, input_length, label_length])
        model = Model(inputs=[input_data, labels, input_length, label_length], outputs=loss_out)
        return model, model_base

    @staticmethod
    def ctc_lambda_func(args):
        y_pred, labels, input_length, label_length = args
        return K.ctc_batch_cost(labels, y_pred, input_length, label_length)

    def get_model(self):
        return self.model, self.model_base

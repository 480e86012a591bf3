# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/deep_fm/model.py
# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/layers/modules.py
# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/deep_fm/train.py
# What it reproduces: a subclassed DeepFM with embeddings_regularizer=l2 on every sparse field and an
#   FM layer whose add_weight has regularizer=l2(w_reg); build_graph() wraps it in a functional Model
#   that is compiled and fit under a MirroredStrategy, so Keras adds model.losses itself: clean.
import tensorflow as tf
from tensorflow.keras.layers import Dense, Dropout, Layer
from tensorflow.keras.regularizers import l2


class FM(Layer):
    def __init__(self, feature_length, w_reg=1e-6):
        super(FM, self).__init__()
        self.feature_length = feature_length
        self.w_reg = w_reg

    def build(self, input_shape):
        self.w = self.add_weight(name='w', shape=(self.feature_length, 1),
                                 initializer='random_normal',
                                 regularizer=l2(self.w_reg),
                                 trainable=True)

    def call(self, inputs, **kwargs):
        first_inputs, second_inputs = inputs
        first_order = tf.matmul(first_inputs, self.w)
        square_sum = tf.square(tf.reduce_sum(second_inputs, axis=1, keepdims=True))
        sum_square = tf.reduce_sum(tf.square(second_inputs), axis=1, keepdims=True)
        second_order = 0.5 * tf.reduce_sum(square_sum - sum_square, axis=1, keepdims=True)
        return first_order + second_order


class DNN(Layer):
    def __init__(self, hidden_units, activation='relu', dropout=0.):
        super(DNN, self).__init__()
        self.dnn_network = [Dense(units=unit, activation=activation) for unit in hidden_units]
        self.dropout = Dropout(dropout)

    def call(self, inputs, **kwargs):
        x = inputs
        for dnn in self.dnn_network:
            x = dnn(x)
        return self.dropout(x)

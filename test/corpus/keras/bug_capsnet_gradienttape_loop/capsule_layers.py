# Idiom seen in: peerdavid/capsule-network main.py
# Idiom seen in: peerdavid/capsule-network capsule_layers.py
# What it reproduces: the CapsNet of the repo (conv1 + PrimaryCaps + DigitCaps + masked decoder) given L2
#   kernel_regularizers and moved from model.fit_generator to a tf.GradientTape loop; the loop loss is
#   margin + scaled reconstruction only, model.losses is left out, so the regularizers do nothing.
import tensorflow as tf
from tensorflow.keras import layers


def squash(vectors, axis=-1):
    s2 = tf.reduce_sum(tf.square(vectors), axis, keepdims=True)
    return s2 / (1 + s2) / tf.sqrt(s2 + 1e-7) * vectors


class PrimaryCaps(layers.Layer):
    def __init__(self, dim_capsule, channels, kernel_size, strides, **kwargs):
        super(PrimaryCaps, self).__init__(**kwargs)
        self.dim_capsule = dim_capsule
        self.conv = layers.Conv2D(dim_capsule * channels, kernel_size, strides=strides, padding='valid')

    def call(self, inputs):
        out = self.conv(inputs)
        out = tf.reshape(out, [tf.shape(out)[0], -1, self.dim_capsule])
        return squash(out)


class DigitCaps(layers.Layer):
    def __init__(self, num_capsule, dim_vector, num_routing=3, **kwargs):
        super(DigitCaps, self).__init__(**kwargs)
        self.num_capsule, self.dim_vector, self.num_routing = num_capsule, dim_vector, num_routing

    def build(self, input_shape):
        self.input_num, self.input_dim = int(input_shape[1]), int(input_shape[2])
        self.W = self.add_weight(name='W', shape=[self.num_capsule, self.input_num, self.dim_vector, self.input_dim],
                                 initializer='glorot_uniform')

    def call(self, inputs):
        u = tf.expand_dims(tf.expand_dims(inputs, 1), -1)
        u_hat = tf.squeeze(tf.matmul(self.W, tf.tile(u, [1, self.num_capsule, 1, 1, 1])), -1)
        b = tf.zeros([tf.shape(inputs)[0], self.num_capsule, self.input_num])
        for i in range(self.num_routing):
            c = tf.nn.softmax(b, axis=1)
            v = squash(tf.reduce_sum(tf.expand_dims(c, -1) * u_hat, axis=2))
            if i < self.num_routing - 1:
                b += tf.reduce_sum(u_hat * tf.expand_dims(v, 2), -1)
        return v


class Length(layers.Layer):
    def call(self, inputs):
        return tf.sqrt(tf.reduce_sum(tf.square(inputs), -1) + 1e-7)


class Mask(layers.Layer):
    def call(self, inputs):
        caps, y = inputs
        return tf.reshape(caps * tf.expand_dims(y, -1), [tf.shape(caps)[0], -1])


def margin_loss(y_true, y_pred):
    L = y_true * tf.square(tf.maximum(0., 0.9 - y_pred)) +         0.5 * (1 - y_true) * tf.square(tf.maximum(0., y_pred - 0.1))
    return tf.reduce_mean(tf.reduce_sum(L, 1))


def reconstruction_loss(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))

# Idiom seen in: qiuliwang/MedicWork Code/livercancer/utils/nn.py
# What it reproduces: an NN wrapper that builds tf.contrib.layers.l2_regularizer objects from the config and
#   passes them to every tf.layers.conv2d / dense as kernel_regularizer; the model never retrieves the
#   regularization losses into the loss it optimizes (bug of the real repository).
import tensorflow as tf
import tensorflow.contrib.layers as layers


class NN(object):
    def __init__(self, config):
        self.config = config
        self.is_train = config.phase == 'train'
        self.train_cnn = self.is_train and config.train_cnn
        self.prepare()

    def prepare(self):
        config = self.config
        self.conv_kernel_initializer = layers.xavier_initializer()
        if self.train_cnn and config.conv_kernel_regularizer_scale > 0:
            self.conv_kernel_regularizer = layers.l2_regularizer(scale=config.conv_kernel_regularizer_scale)
        else:
            self.conv_kernel_regularizer = None

        self.fc_kernel_initializer = tf.random_uniform_initializer(
            minval=-config.fc_kernel_initializer_scale, maxval=config.fc_kernel_initializer_scale)
        if self.is_train and config.fc_kernel_regularizer_scale > 0:
            self.fc_kernel_regularizer = layers.l2_regularizer(scale=config.fc_kernel_regularizer_scale)
        else:
            self.fc_kernel_regularizer = None

    def conv2d(self, inputs, filters, kernel_size=(3, 3), strides=(1, 1),
               activation=tf.nn.relu, use_bias=True, name=None):
        return tf.layers.conv2d(
            inputs=inputs,
            filters=filters,
            kernel_size=kernel_size,
            strides=strides,
            padding='same',
            activation=activation,
            use_bias=use_bias,
            trainable=self.train_cnn,
            kernel_initializer=self.conv_kernel_initializer,
            kernel_regularizer=self.conv_kernel_regularizer,  # expect: WD102
            name=name)

    def max_pool2d(self, inputs, pool_size=(2, 2), strides=(2, 2), name=None):
        return tf.layers.max_pooling2d(inputs=inputs, pool_size=pool_size, strides=strides,
                                       padding='same', name=name)

    def dense(self, inputs, units, activation=tf.tanh, use_bias=True, name=None):
        return tf.layers.dense(
            inputs=inputs,
            units=units,
            activation=activation,
            use_bias=use_bias,
            trainable=self.is_train,
            kernel_initializer=self.fc_kernel_initializer,
            kernel_regularizer=self.fc_kernel_regularizer,  # expect: WD102
            name=name)

    def dropout(self, inputs, name=None):
        return tf.layers.dropout(inputs=inputs, rate=self.config.fc_drop_rate,
                                 training=self.is_train, name=name)

# Idiom seen in: jodietrich/wgan_domain_adaptation experiments/gan/bousmalis_bn.py, experiments/gan/standard_parameters.py
# What it reproduces: the experiment module: optimizer handle, regularisation weights, and the
#   generator / discriminator builders (scoped 'generator' / 'discriminator') that the training script loads.
import tensorflow as tf

import layers

experiment_name = 'residual_gen_bn_l2_1e-4'
image_size = (64, 64)
batch_size = 16
learning_rate = 1e-4
optimizer_handle = tf.train.AdamOptimizer
w_reg_gen_l2 = 1e-4
w_reg_disc_l2 = 1e-4
n_critic = 5
max_iterations = 100000


def generator(xs, training, scope_reuse=False, scope_name='generator'):
    with tf.variable_scope(scope_name, reuse=scope_reuse):
        l1 = layers.conv2D_layer_bn(xs, 'gconv1', training, num_filters=32)
        l2 = layers.conv2D_layer_bn(l1, 'gconv2', training, num_filters=32)
        l3 = layers.conv2D_layer(l2, 'gconv3', num_filters=xs.get_shape().as_list()[-1], activation=None)
        return tf.nn.tanh(xs + l3)


def discriminator(x, training, scope_reuse=False, scope_name='discriminator'):
    with tf.variable_scope(scope_name, reuse=scope_reuse):
        l1 = layers.conv2D_layer(x, 'dconv1', num_filters=32, strides=(2, 2), activation=tf.nn.leaky_relu)
        l2 = layers.conv2D_layer(l1, 'dconv2', num_filters=64, strides=(2, 2), activation=tf.nn.leaky_relu)
        l3 = layers.conv2D_layer(l2, 'dconv3', num_filters=128, strides=(2, 2), activation=tf.nn.leaky_relu)
        return layers.dense_layer(l3, 'dense1', hidden_units=1, activation=None)

# Idiom seen in: amberT15/QuantPred modelzoo.py
# Idiom seen in: amberT15/QuantPred custom_fit.py
# What it reproduces: Basenji-style conv blocks for predicting chromatin-accessibility coverage from one-hot DNA;
#   conv_block / dense_layer build their kernels with l2(l2_scale) / l1_l2(l1_scale, l2_scale), and the model is
#   trained by custom_fit.RobustTrainer, whose tape never adds model.losses (bug of the original repo).
import numpy as np
import tensorflow as tf


def activate(current, activation):
    if activation == 'relu':
        return tf.keras.layers.ReLU()(current)
    if activation == 'gelu':
        return tf.keras.layers.Activation(tf.nn.gelu)(current)
    return current


def conv_block(inputs, filters=None, kernel_size=1, activation='relu', strides=1, dilation_rate=1, l2_scale=0,
               dropout=0, pool_size=1, batch_norm=True, bn_momentum=0.9, kernel_initializer='he_normal'):
    current = activate(inputs, activation)
    current = tf.keras.layers.Conv1D(
        filters=filters or inputs.shape[-1],
        kernel_size=kernel_size,
        strides=strides,
        padding='same',
        use_bias=False,
        dilation_rate=dilation_rate,
        kernel_initializer=kernel_initializer,
        kernel_regularizer=tf.keras.regularizers.l2(l2_scale))(current)  # expect: WD103
    if batch_norm:
        current = tf.keras.layers.BatchNormalization(momentum=bn_momentum)(current)
    if dropout > 0:
        current = tf.keras.layers.Dropout(rate=dropout)(current)
    if pool_size > 1:
        current = tf.keras.layers.MaxPool1D(pool_size=pool_size, padding='same')(current)
    return current


def dilated_residual(inputs, filters, kernel_size=3, rate_mult=2, dropout=0, repeat=1, l2_scale=0):
    current = inputs
    dilation_rate = 1.0
    for _ in range(repeat):
        rep_input = current
        current = conv_block(current, filters=filters, kernel_size=kernel_size,
                             dilation_rate=int(np.round(dilation_rate)), l2_scale=l2_scale)
        current = conv_block(current, filters=rep_input.shape[-1], dropout=dropout, l2_scale=l2_scale)
        current = tf.keras.layers.Add()([rep_input, current])
        dilation_rate *= rate_mult
    return current


def dense_layer(inputs, units, activation='linear', kernel_initializer='he_normal', l2_scale=0, l1_scale=0):
    return tf.keras.layers.Dense(
        units=units,
        use_bias=True,
        activation=activation,
        kernel_initializer=kernel_initializer,
        kernel_regularizer=tf.keras.regularizers.l1_l2(l1_scale, l2_scale))(inputs)  # expect: WD103


def basenji_residual(input_shape, output_shape, config):
    sequence = tf.keras.Input(shape=input_shape, name='sequence')
    current = conv_block(sequence, filters=config['filtN_1'], kernel_size=15, activation=None,
                         l2_scale=config['l2'], pool_size=2)
    for i in range(config['tower_repeat']):
        current = conv_block(current, filters=int(config['filtN_1'] * 1.125 ** (i + 1)), kernel_size=5,
                             l2_scale=config['l2'], pool_size=2)
    current = dilated_residual(current, filters=config['filtN_2'], kernel_size=3, rate_mult=2,
                               dropout=0.25, repeat=config['dilation_repeat'], l2_scale=config['l2'])
    current = conv_block(current, filters=config['filtN_3'], kernel_size=1, dropout=0.05, l2_scale=config['l2'])
    outputs = dense_layer(current, output_shape[-1], activation='softplus', l2_scale=config['l2'])
    return tf.keras.Model(inputs=sequence, outputs=outputs)

# Idiom seen in: Matin9THP/tf_src model_fn.py
# What it reproduces: 3D U-Net Estimator whose conv3d blocks get kernel_regularizer=l2_regularizer(params["weight_decay"])
#   (a user addition; the repo had no decay), while model_fn minimizes only the weighted softmax cross entropy:
#   REGULARIZATION_LOSSES is never read, so the decay is dead.
import tensorflow as tf


def conv3d_block(inputs, n_filters, params, training, name):
    reg = tf.contrib.layers.l2_regularizer(scale=params['weight_decay'])
    with tf.variable_scope(name):
        x = tf.layers.conv3d(inputs, n_filters, kernel_size=3, padding='same',
                             kernel_regularizer=reg,  # expect: WD102
                             name='conv1')
        if params['batch_norm']:
            x = tf.layers.batch_normalization(x, training=training)
        x = tf.nn.relu(x)
        x = tf.layers.conv3d(x, n_filters, kernel_size=3, padding='same',
                             kernel_regularizer=reg,  # expect: WD102
                             name='conv2')
        if params['batch_norm']:
            x = tf.layers.batch_normalization(x, training=training)
        return tf.nn.relu(x)


def unet_3d_network(inputs, params, training):
    skips = []
    x = inputs
    for level in range(params['depth']):
        x = conv3d_block(x, params['n_base_filters'] * 2 ** level, params, training, 'down_%d' % level)
        skips.append(x)
        x = tf.layers.max_pooling3d(x, pool_size=2, strides=2)
    x = conv3d_block(x, params['n_base_filters'] * 2 ** params['depth'], params, training, 'bottom')
    for level in reversed(range(params['depth'])):
        x = tf.layers.conv3d_transpose(x, params['n_base_filters'] * 2 ** level, 2, strides=2)
        x = tf.concat([x, skips[level]], axis=-1)
        x = conv3d_block(x, params['n_base_filters'] * 2 ** level, params, training, 'up_%d' % level)
    return tf.layers.conv3d(x, params['num_classes'], kernel_size=1, name='logits')

# Idiom seen in: TropComplique/shufflenet-v2-tensorflow architecture.py
# What it reproduces: plain tf.layers network whose kernels are named 'weights' (no regularizer arguments);
#   the estimator's model_fn adds the decay terms itself.
import tensorflow as tf

BATCH_NORM_MOMENTUM = 0.997


def batch_norm(x, is_training):
    return tf.layers.batch_normalization(x, axis=3, center=True, scale=True, training=is_training,
                                         momentum=BATCH_NORM_MOMENTUM, fused=True, name='batch_norm')


def conv_bn_relu(x, filters, kernel_size, strides, is_training, name):
    with tf.variable_scope(name):
        kernel = tf.get_variable('weights', [kernel_size, kernel_size, x.shape[3].value, filters],
                                 initializer=tf.contrib.layers.xavier_initializer())
        x = tf.nn.conv2d(x, kernel, [1, strides, strides, 1], 'SAME')
        return tf.nn.relu(batch_norm(x, is_training))


def shufflenet(images, is_training, num_classes=1000, depth_multiplier='1.0'):
    widths = {'0.5': [48, 96, 192], '1.0': [116, 232, 464]}[depth_multiplier]
    with tf.variable_scope('ShuffleNetV2'):
        x = conv_bn_relu(2.0 * images - 1.0, 24, 3, 2, is_training, 'Conv1')
        x = tf.layers.max_pooling2d(x, 3, 2, padding='same')
        for i, w in enumerate(widths):
            x = conv_bn_relu(x, w, 3, 2, is_training, 'Stage%d' % (i + 2))
        x = conv_bn_relu(x, 1024, 1, 1, is_training, 'Conv5')
        x = tf.reduce_mean(x, axis=[1, 2])
        with tf.variable_scope('classifier'):
            w = tf.get_variable('weights', [1024, num_classes])
            logits = tf.matmul(x, w)
    return logits

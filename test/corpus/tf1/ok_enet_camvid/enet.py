# Idiom seen in: kwotsin/TensorFlow-ENet enet.py
# Idiom seen in: kwotsin/TensorFlow-ENet train_enet.py
# What it reproduces: ENet segmentation model whose slim arg_scope (built by ENet_arg_scope) puts
#   weights_regularizer on every conv; the training script minimizes tf.losses.get_total_loss(), which
#   includes the REGULARIZATION_LOSSES, so the decay is live (clean).
import tensorflow as tf

slim = tf.contrib.slim


@slim.add_arg_scope
def prelu(x, scope, decoder=False):
    if decoder:
        return tf.nn.relu(x, name=scope)
    alpha = tf.get_variable(scope + 'alpha', x.get_shape()[-1],
                            initializer=tf.constant_initializer(0.0), dtype=tf.float32)
    return tf.nn.relu(x) + alpha * (x - abs(x)) * 0.5


def initial_block(inputs, is_training=True, scope='initial_block'):
    net_conv = slim.conv2d(inputs, 13, [3, 3], stride=2, activation_fn=None, scope=scope + '_conv')
    net_conv = slim.batch_norm(net_conv, is_training=is_training, fused=True, scope=scope + '_batchnorm')
    net_conv = prelu(net_conv, scope=scope + '_prelu')
    net_pool = slim.max_pool2d(inputs, [2, 2], stride=2, scope=scope + '_max_pool')
    return tf.concat([net_conv, net_pool], axis=3, name=scope + '_concat')


def bottleneck(inputs, output_depth, filter_size, regularizer_prob, projection_ratio=4,
               is_training=True, scope='bottleneck'):
    reduced_depth = int(inputs.get_shape()[3] / projection_ratio)
    net = slim.conv2d(inputs, reduced_depth, [1, 1], scope=scope + '_conv1')
    net = slim.batch_norm(net, is_training=is_training, scope=scope + '_batch_norm1')
    net = prelu(net, scope=scope + '_prelu1')
    net = slim.conv2d(net, reduced_depth, [filter_size, filter_size], scope=scope + '_conv2')
    net = slim.batch_norm(net, is_training=is_training, scope=scope + '_batch_norm2')
    net = prelu(net, scope=scope + '_prelu2')
    net = slim.conv2d(net, output_depth, [1, 1], scope=scope + '_conv3')
    net = slim.batch_norm(net, is_training=is_training, scope=scope + '_batch_norm3')
    net = slim.dropout(net, keep_prob=1 - regularizer_prob, is_training=is_training)
    return prelu(net + inputs, scope=scope + '_last_prelu')


def ENet(inputs, num_classes, batch_size, is_training=True, reuse=None, stage_two_repeat=2, scope='ENet'):
    with tf.variable_scope(scope, reuse=reuse):
        with slim.arg_scope([initial_block, bottleneck], is_training=is_training), \
             slim.arg_scope([slim.batch_norm], fused=True), \
             slim.arg_scope([slim.conv2d, slim.conv2d_transpose], activation_fn=None):
            net = initial_block(inputs, scope='initial_block_1')
            net = slim.conv2d(net, 64, [3, 3], stride=2, scope='bottleneck1_0_down')
            for i in range(4):
                net = bottleneck(net, 64, 3, regularizer_prob=0.01, scope='bottleneck1_%d' % (i + 1))
            net = slim.conv2d(net, 128, [3, 3], stride=2, scope='bottleneck2_0_down')
            for rep in range(stage_two_repeat):
                for i in range(4):
                    net = bottleneck(net, 128, 3, regularizer_prob=0.1,
                                     scope='bottleneck%d_%d' % (rep + 2, i + 1))
            net = slim.conv2d_transpose(net, 64, [3, 3], stride=2, scope='bottleneck4_0_up')
            net = slim.conv2d_transpose(net, 16, [3, 3], stride=2, scope='bottleneck5_0_up')
            logits = slim.conv2d_transpose(net, num_classes, [2, 2], stride=2, scope='fullconv')
        probabilities = tf.nn.softmax(logits, name='logits_to_softmax')
    return logits, probabilities


def ENet_arg_scope(weight_decay=2e-4, batch_norm_decay=0.1, batch_norm_epsilon=0.001):
    with slim.arg_scope([slim.conv2d],
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        biases_regularizer=slim.l2_regularizer(weight_decay)):
        with slim.arg_scope([slim.batch_norm],
                            decay=batch_norm_decay,
                            epsilon=batch_norm_epsilon) as scope:
            return scope

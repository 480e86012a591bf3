# Idiom seen in: chasewinds/ChestRayXNet muti_label_classification/code/densenet_elu.py
# Idiom seen in: chasewinds/ChestRayXNet muti_label_classification/code/train_densenet.py
# What it reproduces: the repository's own bug: a slim DenseNet whose densenet_arg_scope() gives every
# slim.conv2d a weights_regularizer; the training script enters that arg_scope, but its loss is the bare
# sigmoid cross entropy handed to slim.learning.create_train_op, so REGULARIZATION_LOSSES is never read.
import tensorflow as tf

slim = tf.contrib.slim


@slim.add_arg_scope
def _conv(inputs, num_filters, kernel_size, stride=1, dropout_rate=None, scope=None,
          outputs_collections=None):
    with tf.variable_scope(scope, 'xx', [inputs]) as sc:
        net = slim.batch_norm(inputs)
        net = tf.nn.elu(net)
        net = slim.conv2d(net, num_filters, kernel_size, activation_fn=tf.nn.elu)
        if dropout_rate:
            net = tf.nn.dropout(net, keep_prob=1.0 - dropout_rate)
        net = slim.utils.collect_named_outputs(outputs_collections, sc.name, net)
    return net


@slim.add_arg_scope
def _dense_block(inputs, num_layers, num_filters, growth_rate, scope=None):
    with tf.variable_scope(scope, 'dense_blockx', [inputs]):
        net = inputs
        for i in range(num_layers):
            branch = _conv(net, growth_rate * 4, 1, scope='conv_block%d/x1' % (i + 1))
            branch = _conv(branch, growth_rate, 3, scope='conv_block%d/x2' % (i + 1))
            net = tf.concat([net, branch], axis=3)
            num_filters += growth_rate
    return net, num_filters


@slim.add_arg_scope
def _transition_block(inputs, num_filters, compression=1.0, scope=None):
    num_filters = int(num_filters * compression)
    with tf.variable_scope(scope, 'transition_blockx', [inputs]):
        net = _conv(inputs, num_filters, 1, scope='blk')
        net = slim.avg_pool2d(net, 2)
    return net, num_filters


def densenet121(inputs, fc_dropout_rate, num_classes=14, is_training=True, reuse=None):
    growth_rate, num_filters, num_layers = 32, 64, [6, 12, 24, 16]
    with tf.variable_scope('densenet121', 'densenetxxx', [inputs], reuse=reuse):
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
            net = slim.conv2d(inputs, num_filters, 7, stride=2, activation_fn=tf.nn.elu, scope='conv1')
            net = slim.max_pool2d(net, 3, stride=2, padding='SAME')
            for i in range(len(num_layers) - 1):
                net, num_filters = _dense_block(net, num_layers[i], num_filters, growth_rate,
                                                scope='dense_block%d' % (i + 1))
                net, num_filters = _transition_block(net, num_filters, compression=0.5,
                                                     scope='transition_block%d' % (i + 1))
            net, num_filters = _dense_block(net, num_layers[-1], num_filters, growth_rate,
                                            scope='dense_block%d' % len(num_layers))
            with tf.variable_scope('final_block'):
                net = tf.nn.elu(slim.batch_norm(net))
                net = tf.reduce_mean(net, axis=[1, 2], keep_dims=True)
            net = slim.flatten(net)
            logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='Logits')
    return logits, {}


def densenet_arg_scope(weight_decay=1e-4, batch_norm_decay=0.99, batch_norm_epsilon=1.1e-5):
    with slim.arg_scope([slim.conv2d],
                        weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
                        activation_fn=None,
                        biases_initializer=None):
        with slim.arg_scope([slim.batch_norm], scale=True, decay=batch_norm_decay,
                            epsilon=batch_norm_epsilon) as scope:
            return scope

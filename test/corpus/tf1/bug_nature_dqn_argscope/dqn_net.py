# Idiom seen in: uwsampl/relay-bench experiments/cnn_comp/tf_models/dqn.py
# What it reproduces: Nature-DQN built with slim, weights_regularizer set through slim.arg_scope; realistic mistake
#   when training it: the TD (Huber) loss is minimized alone, REGULARIZATION_LOSSES is never read.
import tensorflow as tf

slim = tf.contrib.slim


def nature_dqn(inputs, is_training=False, scope=None, num_action=18, weight_decay=0.0005):
    with tf.variable_scope(scope):
        with slim.arg_scope([slim.conv2d, slim.fully_connected],
                            activation_fn=tf.nn.relu,
                            weights_initializer=tf.truncated_normal_initializer(0.0, 0.01),
                            weights_regularizer=slim.l2_regularizer(weight_decay)):  # expect: WD102
            net = slim.conv2d(inputs, 32, [8, 8], 4, padding='VALID', scope='conv1')
            net = slim.conv2d(net, 64, [4, 4], 2, padding='VALID', scope='conv2')
            net = slim.conv2d(net, 64, [3, 3], 1, padding='VALID', scope='conv3')
            net = slim.flatten(net)
            net = slim.fully_connected(net, 512, scope='fc4')
            net = slim.fully_connected(net, num_action, activation_fn=None, scope='fc5')
    return net

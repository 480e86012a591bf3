# Idiom seen in: mizworski/AlphaSoccer alphasoccer/actor_critic/policy_network.py (ResNetPolicy)
# What it reproduces: an AlphaZero-style policy/value network built under
#   tf.contrib.framework.arg_scope([conv2d, fully_connected], weights_regularizer=l2_regularizer(reg_fact)),
#   one instance per player scope ('best_player' for self-play, 'training_player' for learning).
import tensorflow as tf


def _residual_block(inputs, kernels, name):
    with tf.variable_scope(name):
        net = tf.contrib.layers.conv2d(inputs, num_outputs=kernels, kernel_size=3, padding='SAME', activation_fn=None)
        net = tf.nn.relu(tf.layers.batch_normalization(net))
        net = tf.contrib.layers.conv2d(net, num_outputs=kernels, kernel_size=3, padding='SAME', activation_fn=None)
        net = tf.layers.batch_normalization(net)
        return tf.nn.relu(net + inputs)


class ResNetPolicy(object):
    def __init__(self, sess, ob_space, n_act, scope, reuse=False, n_kernels=128, reg_fact=1e-4, residual_blocks=8):
        X = tf.placeholder(tf.float32, [None] + list(ob_space.shape), name='input_layer')

        with tf.variable_scope(scope, reuse=reuse):
            with tf.contrib.framework.arg_scope(
                    [tf.contrib.layers.conv2d, tf.contrib.layers.fully_connected],
                    weights_initializer=tf.contrib.layers.xavier_initializer(),
                    weights_regularizer=tf.contrib.layers.l2_regularizer(reg_fact)):
                net = tf.contrib.layers.conv2d(X, n_kernels, [3, 3], activation_fn=None, padding='SAME', scope='conv')
                net = tf.nn.relu(tf.layers.batch_normalization(net))
                for i in range(residual_blocks):
                    net = _residual_block(net, n_kernels, name='residual_block{}'.format(i))

                with tf.variable_scope('policy_head'):
                    policy = tf.contrib.layers.conv2d(net, num_outputs=2, kernel_size=1, activation_fn=None)
                    policy = tf.layers.flatten(tf.nn.relu(tf.layers.batch_normalization(policy)))
                    logits = tf.contrib.layers.fully_connected(policy, n_act, scope='logits', activation_fn=None)

                with tf.variable_scope('value_head'):
                    value = tf.contrib.layers.conv2d(net, num_outputs=1, kernel_size=1, activation_fn=None)
                    value = tf.layers.flatten(tf.nn.relu(tf.layers.batch_normalization(value)))
                    value = tf.contrib.layers.fully_connected(value, num_outputs=256, activation_fn=tf.nn.relu)
                    vf = tf.contrib.layers.fully_connected(value, num_outputs=1, activation_fn=tf.nn.tanh)

        probs = tf.nn.softmax(logits, name='probs')

        def step(state):
            return sess.run([probs, vf], {X: state})

        self.X = X
        self.logits = logits
        self.pi = probs
        self.vf = vf
        self.step = step

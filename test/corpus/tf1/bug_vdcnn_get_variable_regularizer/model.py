# Idiom seen in: WenchenLi/VDCNN model.py
# Idiom seen in: WenchenLi/VDCNN config.py
# Idiom seen in: WenchenLi/VDCNN main.py
# What it reproduces: a char-level VDCNN whose _get_variable wrapper gives tf.get_variable an
#   l2_regularizer when weight_decay > 0 (the fc layers); the loss is the cross entropy plus
#   l2_reg_lambda * self.l2_loss, a tf.constant(0.0) never accumulated, and REGULARIZATION_LOSSES is
#   never read, so the fc decay is lost (real repo bug).
import tensorflow as tf
from tensorflow.python.ops import control_flow_ops
from tensorflow.python.training import moving_averages

import config

FLAGS = tf.app.flags.FLAGS
VDCNN_VARIABLES = 'vdcnn_variables'


class VDCNN(object):
    def __init__(self, feature_len, num_classes, vocab_size, embedding_size, is_training,
                 l2_reg_lambda=0.0, depth=9):
        self.conv_depth = {9: [2, 2, 2, 2], 17: [4, 4, 4, 4], 29: [10, 10, 4, 4]}
        self.s = feature_len
        self.embedding_size = embedding_size
        self.temp_kernel = (3, embedding_size)
        self.kernel = (3, 1)
        self.stride = (2, 1)
        self.num_filters = [64, 128, 256, 512]
        self.activation = tf.nn.relu
        self.num_output = num_classes
        self.l2_reg_lambda = l2_reg_lambda
        self._extra_train_ops = []
        self.depth = depth
        self.vocab_size = vocab_size
        self.is_training = is_training
        self.num_classes = num_classes
        self.build_model()
        self.build_loss_accu()

    def build_loss_accu(self):
        with tf.name_scope("loss"):
            losses = tf.nn.softmax_cross_entropy_with_logits(logits=self.logits, labels=self.input_y)
            self.loss = tf.reduce_mean(losses) + self.l2_reg_lambda * self.l2_loss
        self.predictions = tf.argmax(self.logits, 1, name="prediction")
        with tf.name_scope("accuracy"):
            correct = tf.equal(self.predictions, tf.argmax(self.input_y, 1))
            self.accuracy = tf.reduce_mean(tf.cast(correct, "float"), name="accuracy")

    def build_model(self):
        self.input_x = tf.placeholder(tf.int32, [None, self.s], name="input_x")
        self.input_y = tf.placeholder(tf.float32, [None, self.num_classes], name="input_y")
        # Keeping track of l2 regularization loss (optional)
        self.l2_loss = tf.constant(0.0)
        with tf.device('/cpu:0'), tf.name_scope("embedding"):
            W = tf.Variable(tf.random_uniform([self.vocab_size, self.embedding_size], -1.0, 1.0),
                            name="W")
            embedded = tf.expand_dims(tf.nn.embedding_lookup(W, self.input_x), 1)
        out = self._conv(embedded, self.temp_kernel, self.stride, self.num_filters[0], 'conv0')
        out = self.activation(out, name='relu0')
        for block_id in range(4):
            with tf.variable_scope('block' + str(block_id)):
                for conv_id in range(self.conv_depth[self.depth][block_id]):
                    out = self._unit_conv_block(out, block_id, conv_id)
        pooled = tf.nn.max_pool(out, ksize=[1, 1, 1, 1], strides=[1, 1, 1, 1], padding='VALID')
        flatten = tf.reshape(pooled, [-1, pooled.get_shape()[2].value * self.num_filters[3]])
        act_fc1 = self.activation(self._fc(flatten, 1024, 'fc1'))
        act_fc2 = self.activation(self._fc(act_fc1, 512, 'fc2'))
        self.logits = self._fc(act_fc2, self.num_output, 'softmax')
        return self.logits

    def _unit_conv_block(self, input_layer, block_id, conv_id):
        unit_id = str(block_id) + "_" + str(conv_id)
        conv = self._conv(input_layer, self.kernel, self.stride, self.num_filters[block_id],
                          'conv' + unit_id)
        norm = self._batch_norm(conv, self.is_training, name='norm' + unit_id)
        return self.activation(norm, name='relu' + unit_id)

    def build_train_op(self, lr, global_step):
        tf.summary.scalar('learning_rate', lr)
        optimizer = tf.train.AdamOptimizer(FLAGS.lr)
        grads_and_vars = optimizer.compute_gradients(self.loss)
        optimizer_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)
        return tf.group(*([optimizer_op] + self._extra_train_ops))

    def _fc(self, x, units_out, name):
        weights = self._get_variable(name + str(units_out) + 'weights',
                                     shape=[x.get_shape()[1], units_out],
                                     initializer=tf.truncated_normal_initializer(
                                         stddev=config.FC_WEIGHT_STDDEV),
                                     weight_decay=config.FC_WEIGHT_STDDEV)
        biases = self._get_variable(name + str(units_out) + 'biases', shape=[units_out],
                                    initializer=tf.zeros_initializer())
        return tf.nn.xw_plus_b(x, weights, biases)

    def _get_variable(self, name, shape, initializer, weight_decay=0.0, dtype='float',
                      trainable=True):
        """A little wrapper around tf.get_variable to do weight decay"""
        if weight_decay > 0:
            regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
        else:
            regularizer = None
        collections = [tf.GraphKeys.GLOBAL_VARIABLES, VDCNN_VARIABLES]
        return tf.get_variable(name,
                               shape=shape,
                               initializer=initializer,
                               dtype=dtype,
                               regularizer=regularizer,  # expect: WD102
                               collections=collections,
                               trainable=trainable)

    def _conv(self, x, kernel, stride, filters_out, name):
        shape = [kernel[0], kernel[1], x.get_shape()[-1], filters_out]
        weights = self._get_variable('weights_' + name, shape=shape,
                                     initializer=tf.truncated_normal_initializer(
                                         stddev=config.CONV_WEIGHT_STDDEV),
                                     weight_decay=config.CONV_WEIGHT_DECAY)
        return tf.nn.conv2d(x, weights, [1, stride[0], stride[1], 1], padding='SAME')

    def _batch_norm(self, x, is_training, name):
        params_shape = x.get_shape()[-1:]
        axis = list(range(len(x.get_shape()) - 1))
        beta = self._get_variable('beta_' + name, params_shape, initializer=tf.zeros_initializer())
        gamma = self._get_variable('gamma_' + name, params_shape, initializer=tf.ones_initializer())
        moving_mean = self._get_variable('moving_mean_' + name, params_shape,
                                         initializer=tf.zeros_initializer(), trainable=False)
        moving_variance = self._get_variable('moving_variance_' + name, params_shape,
                                             initializer=tf.ones_initializer(), trainable=False)
        mean, variance = tf.nn.moments(x, axis)
        self._extra_train_ops.append(
            moving_averages.assign_moving_average(moving_mean, mean, config.BN_DECAY))
        self._extra_train_ops.append(
            moving_averages.assign_moving_average(moving_variance, variance, config.BN_DECAY))
        mean, variance = control_flow_ops.cond(is_training, lambda: (mean, variance),
                                               lambda: (moving_mean, moving_variance))
        return tf.nn.batch_normalization(x, mean, variance, beta, gamma, config.BN_EPSILON)

# Idiom seen in: jakeret/tf_unet tf_unet/unet.py
# What it reproduces: a Unet class whose _get_cost pops `regularizer` from cost_kwargs and, when given,
#   adds regularizer * sum(tf.nn.l2_loss(v)) over the conv variables to the cost; the Trainer in the same
#   module minimizes net.cost with MomentumOptimizer. launcher.py passes regularizer=0.001: clean.
import logging

import numpy as np
import tensorflow as tf

logging.basicConfig(level=logging.INFO, format='%(asctime)s %(message)s')


def weight_variable(shape, stddev=0.1, name="weight"):
    return tf.Variable(tf.truncated_normal(shape, stddev=stddev), name=name)


def bias_variable(shape, name="bias"):
    return tf.Variable(tf.constant(0.1, shape=shape), name=name)


def create_conv_net(x, keep_prob, channels, n_class, layers=3, features_root=16, filter_size=3):
    in_node = x
    weights, biases, dw_h_convs = [], [], {}
    for layer in range(layers):
        features = 2 ** layer * features_root
        stddev = np.sqrt(2 / (filter_size ** 2 * features))
        in_ch = channels if layer == 0 else features // 2
        w1 = weight_variable([filter_size, filter_size, in_ch, features], stddev, name="w1")
        w2 = weight_variable([filter_size, filter_size, features, features], stddev, name="w2")
        b1 = bias_variable([features], name="b1")
        b2 = bias_variable([features], name="b2")
        conv1 = tf.nn.dropout(tf.nn.conv2d(in_node, w1, [1, 1, 1, 1], 'VALID'), keep_prob)
        h = tf.nn.relu(conv1 + b1)
        conv2 = tf.nn.dropout(tf.nn.conv2d(h, w2, [1, 1, 1, 1], 'VALID'), keep_prob)
        dw_h_convs[layer] = tf.nn.relu(conv2 + b2)
        weights.append((w1, w2))
        biases.append((b1, b2))
        if layer < layers - 1:
            in_node = tf.nn.max_pool(dw_h_convs[layer], [1, 2, 2, 1], [1, 2, 2, 1], 'VALID')
    weight = weight_variable([1, 1, features, n_class], stddev)
    bias = bias_variable([n_class], name="bias")
    output_map = tf.nn.conv2d(dw_h_convs[layers - 1], weight, [1, 1, 1, 1], 'VALID') + bias

    variables = []
    for w1, w2 in weights:
        variables.append(w1)
        variables.append(w2)
    for b1, b2 in biases:
        variables.append(b1)
        variables.append(b2)
    return output_map, variables


class Unet(object):
    def __init__(self, channels=3, n_class=2, cost="cross_entropy", cost_kwargs={}, **kwargs):
        tf.reset_default_graph()
        self.n_class = n_class
        self.x = tf.placeholder("float", shape=[None, None, None, channels], name="x")
        self.y = tf.placeholder("float", shape=[None, None, None, n_class], name="y")
        self.keep_prob = tf.placeholder(tf.float32, name="dropout_probability")

        logits, self.variables = create_conv_net(self.x, self.keep_prob, channels, n_class, **kwargs)
        self.cost = self._get_cost(logits, cost, cost_kwargs)
        self.predicter = tf.nn.softmax(logits)

    def _get_cost(self, logits, cost_name, cost_kwargs):
        with tf.name_scope("cost"):
            flat_logits = tf.reshape(logits, [-1, self.n_class])
            flat_labels = tf.reshape(self.y, [-1, self.n_class])
            if cost_name == "cross_entropy":
                loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=flat_logits,
                                                                                 labels=flat_labels))
            elif cost_name == "dice_coefficient":
                prediction = tf.nn.softmax(logits)
                intersection = tf.reduce_sum(prediction * self.y)
                union = 1e-5 + tf.reduce_sum(prediction) + tf.reduce_sum(self.y)
                loss = -(2 * intersection / union)
            else:
                raise ValueError("Unknown cost function: %s" % cost_name)

            regularizer = cost_kwargs.pop("regularizer", None)
            if regularizer is not None:
                regularizers = sum([tf.nn.l2_loss(variable) for variable in self.variables])
                loss += (regularizer * regularizers)
            return loss


class Trainer(object):
    def __init__(self, net, batch_size=1, optimizer="momentum", opt_kwargs={}):
        self.net = net
        self.batch_size = batch_size
        self.optimizer = optimizer
        self.opt_kwargs = opt_kwargs

    def _get_optimizer(self, training_iters, global_step):
        if self.optimizer == "momentum":
            learning_rate = self.opt_kwargs.pop("learning_rate", 0.2)
            decay_rate = self.opt_kwargs.pop("decay_rate", 0.95)
            momentum = self.opt_kwargs.pop("momentum", 0.2)
            self.learning_rate_node = tf.train.exponential_decay(learning_rate=learning_rate,
                                                                 global_step=global_step,
                                                                 decay_steps=training_iters,
                                                                 decay_rate=decay_rate, staircase=True)
            optimizer = tf.train.MomentumOptimizer(learning_rate=self.learning_rate_node, momentum=momentum,
                                                   **self.opt_kwargs).minimize(self.net.cost,
                                                                               global_step=global_step)
        else:
            learning_rate = self.opt_kwargs.pop("learning_rate", 0.001)
            self.learning_rate_node = tf.Variable(learning_rate, name="learning_rate")
            optimizer = tf.train.AdamOptimizer(learning_rate=self.learning_rate_node,
                                               **self.opt_kwargs).minimize(self.net.cost,
                                                                           global_step=global_step)
        return optimizer

    def train(self, data_provider, output_path, training_iters=10, epochs=100, dropout=0.75):
        global_step = tf.Variable(0, name="global_step")
        self.optimizer = self._get_optimizer(training_iters, global_step)
        tf.summary.scalar('loss', self.net.cost)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for epoch in range(epochs):
                total_loss = 0
                for step in range(training_iters):
                    batch_x, batch_y = data_provider(self.batch_size)
                    _, loss = sess.run((self.optimizer, self.net.cost),
                                       feed_dict={self.net.x: batch_x, self.net.y: batch_y,
                                                  self.net.keep_prob: dropout})
                    total_loss += loss
                logging.info("Epoch {:}, Average loss: {:.4f}".format(epoch, total_loss / training_iters))
            saver = tf.train.Saver()
            return saver.save(sess, output_path + "/model.ckpt")

# Idiom seen in: BayesWatch/tf-variational-dropout cifar10.py
# What it reproduces: the variational-dropout helpers the loss() of cifar10.py calls: log-alpha
#   variables kept in a graph collection and the KL term of sparse VD (clean program; see cifar10.py).
import tensorflow as tf

LOG_ALPHA_COLLECTION = 'log_alphas'


def fully_connected(x, phase, n_hidden, name):
    with tf.variable_scope(name):
        w = tf.get_variable('w', [x.get_shape()[-1], n_hidden],
                            initializer=tf.contrib.layers.xavier_initializer())
        log_sigma2 = tf.get_variable('log_sigma2', [x.get_shape()[-1], n_hidden],
                                     initializer=tf.constant_initializer(-10.0))
        log_alpha = tf.clip_by_value(log_sigma2 - tf.log(tf.square(w) + 1e-8), -8.0, 8.0)
        tf.add_to_collection(LOG_ALPHA_COLLECTION, log_alpha)
        mu = tf.matmul(x, w)
        si = tf.sqrt(tf.matmul(tf.square(x), tf.exp(log_alpha) * tf.square(w)) + 1e-8)
        noisy = mu + tf.random_normal(tf.shape(mu)) * si
        return tf.cond(phase, lambda: noisy, lambda: mu)


def gather_logalphas(graph):
    return graph.get_collection(LOG_ALPHA_COLLECTION)


def dkl_qp(log_alpha):
    k1, k2, k3 = 0.63576, 1.8732, 1.48695
    C = -k1
    mdkl = k1 * tf.nn.sigmoid(k2 + k3 * log_alpha) - 0.5 * tf.log1p(tf.exp(-log_alpha)) + C
    return -tf.reduce_sum(mdkl)

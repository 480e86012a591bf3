# Idiom seen in: melodyguan/enas src/utils.py
# What it reproduces: the child CNN keeps l2_reg / lr_init from its constructor and hands them to
#   get_train_ops(..., optim_algo="sgd"), so the flag value decides the per-step decay factor.
import numpy as np
import tensorflow as tf
from utils import get_train_ops


class GeneralChild(object):
    def __init__(self, images, labels, num_layers=6, out_filters=24, l2_reg=1e-4,
                 lr_init=0.1, lr_dec_every=10000, lr_dec_rate=0.1, optim_algo="sgd",
                 clip_mode=None, grad_bound=None, name="child"):
        self.name = name
        self.images = images
        self.labels = labels
        self.num_layers = num_layers
        self.out_filters = out_filters
        self.l2_reg = l2_reg
        self.lr_init = lr_init
        self.lr_dec_every = lr_dec_every
        self.lr_dec_rate = lr_dec_rate
        self.optim_algo = optim_algo
        self.clip_mode = clip_mode
        self.grad_bound = grad_bound

    def _model(self, images, is_training, reuse=False):
        with tf.variable_scope(self.name, reuse=reuse):
            x = images
            for layer_id in range(self.num_layers):
                with tf.variable_scope("layer_{0}".format(layer_id)):
                    inp_c = x.get_shape()[-1].value
                    w = tf.get_variable("w", [3, 3, inp_c, self.out_filters],
                                        initializer=tf.contrib.keras.initializers.he_normal())
                    x = tf.nn.conv2d(x, w, [1, 1, 1, 1], "SAME")
                    x = tf.layers.batch_normalization(x, training=is_training)
                    x = tf.nn.relu(x)
                    if layer_id % 2 == 1:
                        x = tf.layers.max_pooling2d(x, [2, 2], [2, 2], "SAME")
            x = tf.reduce_mean(x, axis=[1, 2])
            with tf.variable_scope("fc"):
                w = tf.get_variable("w", [self.out_filters, 10])
                x = tf.matmul(x, w)
        return x

    def _build_train(self):
        logits = self._model(self.images, is_training=True)
        log_probs = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=self.labels)
        self.loss = tf.reduce_mean(log_probs)

        tf_variables = [var for var in tf.trainable_variables() if var.name.startswith(self.name)]
        self.global_step = tf.Variable(0, dtype=tf.int32, trainable=False, name="global_step")
        self.train_op, self.lr, self.grad_norm, self.optimizer = get_train_ops(
            self.loss,
            tf_variables,
            self.global_step,
            clip_mode=self.clip_mode,
            grad_bound=self.grad_bound,
            l2_reg=self.l2_reg,
            lr_init=self.lr_init,
            lr_dec_every=self.lr_dec_every,
            lr_dec_rate=self.lr_dec_rate,
            optim_algo=self.optim_algo)

    def connect_controller(self):
        self._build_train()

# Idiom seen in: yusugomori/tftf tftf/layers/regularizers/l2.py
# What it reproduces: a small tftf-like Dense/Model pair: each Dense keeps its regularizer, Model.compile()
#   collects layer.reg_loss() into the loss and minimizes xent + reg. Clean: the L2 terms are trained.
import numpy as np
import tensorflow as tf

from regularizers import l2


class Dense(object):
    def __init__(self, n_in, n_out, activation=None, kernel_regularizer=None):
        self.W = tf.Variable(tf.truncated_normal([n_in, n_out], stddev=0.01))
        self.b = tf.Variable(tf.zeros([n_out]))
        self.activation = activation
        self.kernel_regularizer = kernel_regularizer

    def forward(self, x):
        h = tf.matmul(x, self.W) + self.b
        return self.activation(h) if self.activation is not None else h

    def reg_loss(self):
        if self.kernel_regularizer is None:
            return 0.
        return self.kernel_regularizer(self.W)


class Model(object):
    def __init__(self, layers):
        self.layers = layers

    def compile(self, x, t, lr=0.01):
        h = x
        for layer in self.layers:
            h = layer.forward(h)
        xent = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=t, logits=h))
        reg = tf.add_n([layer.reg_loss() for layer in self.layers if layer.kernel_regularizer is not None])
        self.loss = xent + reg
        self.train_op = tf.train.MomentumOptimizer(lr, 0.9).minimize(self.loss)
        return self.train_op


if __name__ == '__main__':
    x = tf.placeholder(tf.float32, [None, 784])
    t = tf.placeholder(tf.float32, [None, 10])
    model = Model([Dense(784, 200, tf.nn.relu, kernel_regularizer=l2(1e-4)),
                   Dense(200, 10, kernel_regularizer=l2(1e-4))])
    train_op = model.compile(x, t)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(10):
            X = np.random.rand(100, 784).astype(np.float32)
            T = np.eye(10)[np.random.randint(0, 10, 100)].astype(np.float32)
            sess.run(train_op, feed_dict={x: X, t: T})

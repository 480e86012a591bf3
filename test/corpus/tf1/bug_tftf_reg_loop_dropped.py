# Idiom seen in: yusugomori/tftf tftf/layers/regularizers/l2.py
# What it reproduces: realistic user mistake in the tftf idiom: compile() applies each layer's regularizer
#   to its weights inside a loop but never adds the result to the loss (the `loss += reg` line is missing);
#   the decay term is computed and discarded.
import numpy as np
import tensorflow as tf


class L2(object):
    def __init__(self, alpha):
        self.alpha = alpha

    def loss(self, weights):
        return self.alpha * tf.nn.l2_loss(weights)


class Dense(object):
    def __init__(self, n_in, n_out, activation=None, kernel_regularizer=None):
        self.W = tf.Variable(tf.truncated_normal([n_in, n_out], stddev=0.01))
        self.b = tf.Variable(tf.zeros([n_out]))
        self.activation = activation
        self.kernel_regularizer = kernel_regularizer

    def forward(self, x):
        h = tf.matmul(x, self.W) + self.b
        return self.activation(h) if self.activation is not None else h


class Model(object):
    def __init__(self):
        self.layers = []

    def add(self, layer):
        self.layers.append(layer)

    def compile(self, x, t, lr=0.1):
        h = x
        for layer in self.layers:
            h = layer.forward(h)
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=t, logits=h))
        for layer in self.layers:
            if layer.kernel_regularizer is not None:
                reg = layer.kernel_regularizer.loss(layer.W)  # expect: WD104
        self.loss = loss
        self.train_op = tf.train.GradientDescentOptimizer(lr).minimize(self.loss)
        return self.train_op


if __name__ == '__main__':
    x = tf.placeholder(tf.float32, [None, 784])
    t = tf.placeholder(tf.float32, [None, 10])
    model = Model()
    model.add(Dense(784, 200, tf.nn.relu, kernel_regularizer=L2(5e-4)))
    model.add(Dense(200, 10, kernel_regularizer=L2(5e-4)))
    train_op = model.compile(x, t)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(10):
            X = np.random.rand(100, 784).astype(np.float32)
            T = np.eye(10)[np.random.randint(0, 10, 100)].astype(np.float32)
            sess.run(train_op, feed_dict={x: X, t: T})

# Idiom seen in: synthesized-io/insight synthesized/core/basic_synthesizer.py
# Idiom seen in: synthesized-io/insight synthesized/core/transformations/dense.py
# What it reproduces: losses OrderedDict of per-column reconstruction losses, the KL term and the summed
#   regularization losses; loss = tf.add_n(list(losses.values())) is clipped and applied. Clean.
from collections import OrderedDict

import numpy as np
import pandas as pd
import tensorflow as tf

from dense import DenseTransformation
from values import identify_value


class BasicSynthesizer(object):

    def __init__(self, data, capacity=128, depth=2, learning_rate=3e-4, weight_decay=1e-5,
                 batch_size=64, encoding_beta=0.001):
        self.capacity = capacity
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.batch_size = batch_size
        self.encoding_beta = encoding_beta
        self.values = [identify_value(name, dtype, data) for name, dtype in data.dtypes.items()]
        input_size = sum(v.input_size() for v in self.values)
        self.output_sizes = [v.output_size() for v in self.values]

        self.graph = tf.Graph()
        with self.graph.as_default():
            self.encoder = [DenseTransformation('enc%d' % i, input_size if i == 0 else capacity,
                                                capacity) for i in range(depth)]
            self.mean = DenseTransformation('mean', capacity, capacity, batchnorm=False, activation='none')
            self.stddev = DenseTransformation('stddev', capacity, capacity, batchnorm=False, activation='none')
            self.decoder = [DenseTransformation('dec%d' % i, capacity, capacity) for i in range(depth)]
            self.output = DenseTransformation('output', capacity, sum(self.output_sizes),
                                              batchnorm=False, activation='none')
            self.losses, self.loss, self.optimized = self.train_iteration()
            self.session = tf.Session()
            self.session.run(tf.global_variables_initializer())

    def train_iteration(self):
        xs = [value.input_tensor() for value in self.values]
        x = tf.concat(xs, axis=1)
        for layer in self.encoder:
            x = layer.transform(x)
        mean = self.mean.transform(x)
        stddev = tf.nn.softplus(self.stddev.transform(x))
        x = mean + stddev * tf.random_normal(tf.shape(mean))
        encoding_loss = self.encoding_beta * tf.reduce_mean(
            0.5 * tf.reduce_sum(tf.square(mean) + tf.square(stddev) - 2.0 * tf.log(stddev + 1e-6) - 1.0, axis=1))
        for layer in self.decoder:
            x = layer.transform(x)
        x = self.output.transform(x)
        xs = tf.split(x, self.output_sizes, axis=1)

        losses = OrderedDict()
        losses['encoding'] = encoding_loss
        for value, x in zip(self.values, xs):
            losses[value.name] = value.loss(x)
        reg_losses = tf.losses.get_regularization_losses(scope=None)
        if len(reg_losses) > 0:
            regularization_loss = tf.add_n(inputs=reg_losses)
            tf.summary.scalar('regularization-loss', regularization_loss)
            losses['regularization'] = regularization_loss
        loss = tf.add_n(inputs=list(losses.values()))
        losses['loss'] = loss

        optimizer = tf.train.AdamOptimizer(learning_rate=self.learning_rate)
        grads_and_vars = optimizer.compute_gradients(loss)
        grads_and_vars = [(tf.clip_by_norm(g, 1.0), v) for g, v in grads_and_vars if g is not None]
        optimized = optimizer.apply_gradients(grads_and_vars)
        return losses, loss, optimized

    def learn(self, data, num_iterations=2500):
        feed_data = {label: data[label].values for v in self.values for label in v.input_labels()}
        num_data = len(data)
        for iteration in range(num_iterations):
            batch = np.random.randint(num_data, size=self.batch_size)
            feed_dict = {self.graph.get_tensor_by_name(label + ':0'): values[batch]
                         for label, values in feed_data.items()}
            _, loss = self.session.run((self.optimized, self.loss), feed_dict=feed_dict)
            if iteration % 500 == 0:
                print('iteration %d loss %.4f' % (iteration, loss))


if __name__ == '__main__':
    frame = pd.read_csv('data/credit.csv')
    BasicSynthesizer(frame).learn(frame)

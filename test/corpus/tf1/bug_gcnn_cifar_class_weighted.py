# Idiom seen in: rusty1s/embedded_gcnn lib/layer/inits.py, lib/model/model.py, lib/model/metrics.py, cifar_graph.py
# What it reproduces: weight_variable(..., decay) adds decay * l2_loss(var) to the 'losses' collection and the
#   repo's Model.build() trains on metrics.total_loss() = add_n(get_collection('losses')). Realistic mistake here:
#   a subclass overrides build() to use a class-weighted cross entropy and minimizes it directly, so the decay
#   terms of the FC layers (weight_decay=0.004, as in cifar_graph.py) are collected but never summed.
import tensorflow as tf

from lib.datasets import Cifar10 as Data
from lib.pipeline import generate_placeholders, train, preprocess_pipeline_fixed

LEARNING_RATE = 0.001
NUM_STEPS_PER_DECAY = 5000
BATCH_SIZE = 64
MAX_STEPS = 60000
DROPOUT = 0.5
CLASS_WEIGHTS = [1.0, 1.0, 1.2, 1.5, 1.0, 1.5, 1.0, 1.0, 1.0, 1.0]


def weight_variable(shape, name, stddev=0.1, decay=0.0, dtype=tf.float32):
    initializer = tf.truncated_normal_initializer(stddev=stddev, dtype=dtype)
    var = tf.get_variable(name, shape, dtype, initializer)
    if decay > 0:
        decay = tf.multiply(tf.nn.l2_loss(var), decay, name='weight_loss')
        tf.add_to_collection('losses', decay)  # expect: WD101
    return var


def bias_variable(shape, name, constant=0.1, dtype=tf.float32):
    return tf.get_variable(name, shape, dtype, tf.constant_initializer(constant, dtype))


class FC(object):
    def __init__(self, in_channels, out_channels, weight_decay=0.0, act=tf.nn.relu, dropout=None, name=None):
        self.act, self.dropout = act, dropout
        with tf.variable_scope('{}_vars'.format(name)):
            self.weights = weight_variable([in_channels, out_channels], '{}_weights'.format(name), 0.1, weight_decay)
            self.bias = bias_variable([out_channels], '{}_bias'.format(name))

    def __call__(self, inputs):
        outputs = tf.reshape(inputs, [-1, self.weights.get_shape()[0].value])
        if self.dropout is not None:
            outputs = tf.nn.dropout(outputs, 1 - self.dropout)
        return self.act(tf.nn.bias_add(tf.matmul(outputs, self.weights), self.bias))


class WeightedGraphModel(object):
    def __init__(self, placeholders, learning_rate=0.001, num_steps_per_decay=None):
        self.placeholders = placeholders
        self.inputs, self.labels = placeholders['features'], placeholders['labels']
        self._global_step = tf.train.get_or_create_global_step()
        if num_steps_per_decay is not None:
            learning_rate = tf.train.exponential_decay(learning_rate, self._global_step, num_steps_per_decay,
                                                       decay_rate=0.96, staircase=True)
        self.optimizer = tf.train.AdamOptimizer(learning_rate)

    def build(self):
        fc_1 = FC(512, 256, weight_decay=0.004, name='fc_1')
        fc_2 = FC(256, 128, weight_decay=0.004, name='fc_2')
        fc_3 = FC(128, 10, act=lambda x: x, dropout=self.placeholders['dropout'], name='fc_3')
        self.outputs = fc_3(fc_2(fc_1(self.inputs)))

        # class-weighted loss instead of lib.model.metrics.total_loss (the classes are not balanced after slic)
        weights = tf.reduce_sum(self.labels * tf.constant(CLASS_WEIGHTS), axis=1)
        xent = tf.nn.softmax_cross_entropy_with_logits(logits=self.outputs, labels=self.labels)
        self._loss = tf.reduce_mean(weights * xent, name='weighted_loss')
        self._train = self.optimizer.minimize(self._loss, global_step=self._global_step)
        self.sess = tf.Session()


data = Data('data/cifar_10')
placeholders = generate_placeholders(BATCH_SIZE, 4, 12, data.num_classes)
model = WeightedGraphModel(placeholders, learning_rate=LEARNING_RATE, num_steps_per_decay=NUM_STEPS_PER_DECAY)
model.build()
train(model, data, preprocess_pipeline_fixed(4), BATCH_SIZE, DROPOUT, MAX_STEPS)

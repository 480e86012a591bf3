# Idiom seen in: rusty1s/embedded_gcnn lib/layer/inits.py, lib/layer/var_layer.py, lib/model/model.py, mnist_graph.py
# What it reproduces: layer classes forward weight_decay/bias_decay to weight_variable()/bias_variable(), whose
#   "if decay > 0:" blocks add wd * l2_loss to the "losses" collection; the MNIST graph script (as in the repo)
#   builds every layer with the default decay 0.0, so the decay machinery never runs (total_loss does sum it).
import tensorflow as tf


def softmax_cross_entropy(outputs, labels):
    loss_per_example = tf.nn.softmax_cross_entropy_with_logits(logits=outputs, labels=labels)
    return tf.reduce_mean(loss_per_example, name='loss')


def total_loss(loss):
    tf.add_to_collection('losses', loss)
    losses = tf.get_collection('losses')
    return tf.add_n(losses, name='total_loss')


class Model(object):
    def __init__(self, placeholders, name=None, learning_rate=0.001, num_steps_per_decay=None, epsilon=1e-08):
        self.name = name or self.__class__.__name__.lower()
        self.placeholders = placeholders
        self.inputs = placeholders['features']
        self.labels = placeholders['labels']
        self.layers = []
        self._global_step = tf.get_variable('{}/global_step'.format(self.name), shape=[], dtype=tf.int32,
                                            initializer=tf.constant_initializer(0, dtype=tf.int32),
                                            trainable=False)
        if num_steps_per_decay is not None:
            learning_rate = tf.train.exponential_decay(learning_rate, self._global_step, num_steps_per_decay,
                                                       decay_rate=0.96, staircase=True)
        self.optimizer = tf.train.AdamOptimizer(learning_rate, epsilon=epsilon)

    def build(self):
        with tf.variable_scope(self.name):
            self._build()
        self.outputs = self.inputs
        for layer in self.layers:
            self.outputs = layer(self.outputs)
        self._loss = total_loss(softmax_cross_entropy(self.outputs, self.labels))
        self._train = self.optimizer.minimize(self._loss, global_step=self._global_step)
        self.sess = tf.Session()

    def _build(self):
        raise NotImplementedError

    def train(self, feed_dict):
        return self.sess.run([self._train, self._loss], feed_dict)[1]

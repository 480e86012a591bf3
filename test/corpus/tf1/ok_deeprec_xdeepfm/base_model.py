# Idiom seen in: recommenders-team/recommenders recommenders/models/deeprec/models/base_model.py
# What it reproduces: the deeprec BaseModel: loss = data loss + regular loss, where the regular loss sums
#   hparams.embed_l2 * l2_loss(embedding) and hparams.layer_l2 * l2_loss(layer weights); the optimizer
#   built from hparams takes compute_gradients(self.loss). Clean.
import abc

import tensorflow as tf

tf.compat.v1.disable_eager_execution()


class BaseModel(object):

    def __init__(self, hparams, iterator_creator, graph=None, seed=None):
        self.graph = graph if graph is not None else tf.Graph()
        self.iterator = iterator_creator(hparams, self.graph)
        with self.graph.as_default():
            self.hparams = hparams
            self.layer_params = []
            self.embed_params = []
            self.initializer = tf.compat.v1.truncated_normal_initializer(stddev=hparams.init_value, seed=seed)
            self.logit = self._build_graph()
            self.loss = self._get_loss()
            self.update = self._build_train_opt()
            self.init_op = tf.compat.v1.global_variables_initializer()
        self.sess = tf.compat.v1.Session(graph=self.graph)
        self.sess.run(self.init_op)

    @abc.abstractmethod
    def _build_graph(self):
        pass

    def _get_loss(self):
        self.data_loss = self._compute_data_loss()
        self.regular_loss = self._compute_regular_loss()
        return tf.add(self.data_loss, self.regular_loss)

    def _l2_loss(self):
        l2_loss = tf.zeros([1], dtype=tf.float32)
        for param in self.embed_params:
            l2_loss = tf.add(l2_loss, tf.multiply(self.hparams.embed_l2, tf.nn.l2_loss(param)))
        for param in self.layer_params:
            l2_loss = tf.add(l2_loss, tf.multiply(self.hparams.layer_l2, tf.nn.l2_loss(param)))
        return l2_loss

    def _compute_regular_loss(self):
        return tf.reduce_sum(input_tensor=self._l2_loss())

    def _compute_data_loss(self):
        return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(
            logits=tf.reshape(self.logit, [-1]), labels=tf.reshape(self.iterator.labels, [-1])))

    def _train_opt(self):
        lr = self.hparams.learning_rate
        if self.hparams.optimizer == "adam":
            return tf.compat.v1.train.AdamOptimizer(lr)
        if self.hparams.optimizer == "adagrad":
            return tf.compat.v1.train.AdagradOptimizer(lr)
        return tf.compat.v1.train.GradientDescentOptimizer(lr)

    def _build_train_opt(self):
        opt = self._train_opt()
        gradients, variables = zip(*opt.compute_gradients(self.loss))
        if self.hparams.is_clip_norm:
            gradients = [None if g is None else tf.clip_by_norm(g, self.hparams.max_grad_norm) for g in gradients]
        return opt.apply_gradients(zip(gradients, variables))

    def train(self, feed_dict):
        return self.sess.run([self.update, self.loss, self.data_loss], feed_dict=feed_dict)

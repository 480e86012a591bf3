# Idiom seen in: giladcohen/tensorflow_TB lib/models/model_base.py
# Idiom seen in: giladcohen/tensorflow_TB lib/models/classifier_model.py
# What it reproduces: a model base class that puts weight_decay_rate * sum(l2_loss(DW)) and the scaled
#   cross entropy into the LOSSES collection, sums the collection into self.cost and differentiates
#   self.cost with tf.gradients. Clean: the decay term reaches the trained objective.
import tensorflow as tf

from graph_keys import LOSSES


class ModelBase(object):
    def __init__(self, name, prm):
        self.name = name
        self.prm = prm
        self.optimizer_name = prm['OPTIMIZER']
        self.train_op = None
        self.cost = None
        self.wd_cost = None
        self.net = {}
        self._extra_train_ops = []

    def build_graph(self):
        with tf.variable_scope('placeholders'):
            self._set_placeholders()
        with tf.variable_scope('init_set_params'):
            self._init_params()
        with tf.variable_scope('inference'):
            self._build_inference()
        with tf.variable_scope('loss'):
            self._build_loss()
        with tf.variable_scope('training'):
            self._build_train_op()
        self.summaries = tf.summary.merge_all()

    def _set_placeholders(self):
        self.images = tf.placeholder(tf.float32, [None, 32, 32, 3], name='images')
        self.labels = tf.placeholder(tf.int32, [None], name='labels')
        self.is_training = tf.placeholder(tf.bool)

    def _init_params(self):
        self.global_step = tf.train.get_or_create_global_step()
        self.lrn_rate = tf.contrib.framework.model_variable(
            name='learning_rate', dtype=tf.float32, shape=[],
            initializer=tf.constant_initializer(self.prm['LEARNING_RATE']), trainable=False)
        self.xent_rate = tf.contrib.framework.model_variable(
            name='xentropy_rate', dtype=tf.float32, shape=[],
            initializer=tf.constant_initializer(self.prm['XENTROPY_RATE']), trainable=False)
        self.weight_decay_rate = tf.contrib.framework.model_variable(
            name='weight_decay_rate', dtype=tf.float32, shape=[],
            initializer=tf.constant_initializer(self.prm['WEIGHT_DECAY_RATE']), trainable=False)

    def _build_inference(self):
        raise NotImplementedError

    def _build_loss(self):
        self.add_weight_decay()
        self.add_fidelity_loss()
        self.cost = tf.add_n(tf.get_collection(LOSSES), name='total_loss')
        tf.summary.scalar('cost', self.cost)

    def add_weight_decay(self):
        with tf.variable_scope('wd_cost'):
            self.wd_cost = self._decay()
            tf.summary.scalar('wd_cost', self.wd_cost)
            tf.add_to_collection(LOSSES, self.wd_cost)

    def add_fidelity_loss(self):
        with tf.variable_scope('xent_cost'):
            xent_cost = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=self.net['logits'],
                                                                       labels=self.labels)
            self.xent_cost = tf.multiply(self.xent_rate, tf.reduce_mean(xent_cost))
            tf.summary.scalar('xent_cost', self.xent_cost)
            tf.add_to_collection(LOSSES, self.xent_cost)

    def _decay(self):
        """L2 weight decay loss."""
        costs = []
        for var in tf.trainable_variables():
            if var.op.name.find(r'DW') > 0:
                costs.append(tf.nn.l2_loss(var))
        return tf.multiply(self.weight_decay_rate, tf.add_n(costs))

    def _get_optimizer(self):
        if self.optimizer_name == 'ADAM':
            return tf.train.AdamOptimizer(self.lrn_rate)
        if self.optimizer_name == 'MOM':
            return tf.train.MomentumOptimizer(self.lrn_rate, 0.9, use_nesterov=True)
        return tf.train.GradientDescentOptimizer(self.lrn_rate)

    def _build_train_op(self):
        trainable_variables = tf.trainable_variables()
        grads = tf.gradients(self.cost, trainable_variables)
        optimizer = self._get_optimizer()
        apply_op = optimizer.apply_gradients(zip(grads, trainable_variables),
                                             global_step=self.global_step, name='train_step')
        self._extra_train_ops.extend(tf.get_collection(tf.GraphKeys.UPDATE_OPS))
        self.train_op = tf.group(*([apply_op] + self._extra_train_ops))

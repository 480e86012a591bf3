# Idiom seen in: mdeff/cnn_graph lib/models.py
# What it reproduces: a base_model that keeps self.regularizers (a list of tf.nn.l2_loss of the weights
#   created with regularization=True) and whose loss() returns cross_entropy + regularization *
#   add_n(self.regularizers); training() minimizes that loss through compute/apply_gradients. Clean.
import numpy as np
import tensorflow as tf


class base_model(object):

    def __init__(self):
        self.regularizers = []

    def build_graph(self, M_0):
        self.graph = tf.Graph()
        with self.graph.as_default():
            self.ph_data = tf.placeholder(tf.float32, (self.batch_size, M_0), 'data')
            self.ph_labels = tf.placeholder(tf.int32, (self.batch_size), 'labels')
            self.ph_dropout = tf.placeholder(tf.float32, (), 'dropout')

            op_logits = self.inference(self.ph_data, self.ph_dropout)
            self.op_loss, self.op_loss_average = self.loss(op_logits, self.ph_labels, self.regularization)
            self.op_train = self.training(self.op_loss, self.learning_rate,
                                          self.decay_steps, self.decay_rate, self.momentum)
            self.op_init = tf.global_variables_initializer()
            self.op_summary = tf.summary.merge_all()
            self.op_saver = tf.train.Saver(max_to_keep=5)
        self.graph.finalize()

    def loss(self, logits, labels, regularization):
        with tf.name_scope('loss'):
            with tf.name_scope('cross_entropy'):
                labels = tf.to_int64(labels)
                cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels)
                cross_entropy = tf.reduce_mean(cross_entropy)
            with tf.name_scope('regularization'):
                regularization *= tf.add_n(self.regularizers)
            loss = cross_entropy + regularization
            tf.summary.scalar('loss/cross_entropy', cross_entropy)
            tf.summary.scalar('loss/regularization', regularization)
            tf.summary.scalar('loss/total', loss)
            with tf.name_scope('averages'):
                averages = tf.train.ExponentialMovingAverage(0.9)
                op_averages = averages.apply([cross_entropy, regularization, loss])
                with tf.control_dependencies([op_averages]):
                    loss_average = tf.identity(averages.average(loss), name='control')
            return loss, loss_average

    def training(self, loss, learning_rate, decay_steps, decay_rate=0.95, momentum=0.9):
        with tf.name_scope('training'):
            global_step = tf.Variable(0, name='global_step', trainable=False)
            if decay_rate != 1:
                learning_rate = tf.train.exponential_decay(
                    learning_rate, global_step, decay_steps, decay_rate, staircase=True)
            if momentum == 0:
                optimizer = tf.train.GradientDescentOptimizer(learning_rate)
            else:
                optimizer = tf.train.MomentumOptimizer(learning_rate, momentum)
            grads = optimizer.compute_gradients(loss)
            op_gradients = optimizer.apply_gradients(grads, global_step=global_step)
            with tf.control_dependencies([op_gradients]):
                op_train = tf.identity(learning_rate, name='control')
            return op_train

    def _weight_variable(self, shape, regularization=True):
        initial = tf.truncated_normal_initializer(0, 0.1)
        var = tf.get_variable('weights', shape, tf.float32, initializer=initial)
        if regularization:
            self.regularizers.append(tf.nn.l2_loss(var))
        return var

    def _bias_variable(self, shape, regularization=True):
        initial = tf.constant_initializer(0.1)
        var = tf.get_variable('bias', shape, tf.float32, initializer=initial)
        if regularization:
            self.regularizers.append(tf.nn.l2_loss(var))
        return var

    def fc(self, x, Mout, relu=True):
        N, Min = x.get_shape()
        W = self._weight_variable([int(Min), Mout], regularization=True)
        b = self._bias_variable([Mout], regularization=True)
        x = tf.matmul(x, W) + b
        return tf.nn.relu(x) if relu else x


class fc2(base_model):
    """Two fully connected layers with M hidden units (the baseline of the graph CNN paper)."""

    def __init__(self, M_0, nhiddens, num_epochs=20, learning_rate=0.1, decay_rate=0.95,
                 decay_steps=None, momentum=0.9, regularization=0, dropout=0, batch_size=100):
        super(fc2, self).__init__()
        self.nhiddens, self.num_epochs = nhiddens, num_epochs
        self.learning_rate, self.decay_rate, self.momentum = learning_rate, decay_rate, momentum
        self.decay_steps = decay_steps or 400
        self.regularization, self.dropout, self.batch_size = regularization, dropout, batch_size
        self.build_graph(M_0)

    def inference(self, x, dropout):
        with tf.variable_scope('fc1'):
            y = self.fc(x, self.nhiddens)
            y = tf.nn.dropout(y, dropout)
        with tf.variable_scope('fc2'):
            y = self.fc(y, 10, relu=False)
        return y

    def fit(self, train_data, train_labels):
        sess = tf.Session(graph=self.graph)
        sess.run(self.op_init)
        indices = []
        num_steps = int(self.num_epochs * train_data.shape[0] / self.batch_size)
        for step in range(1, num_steps + 1):
            if len(indices) < self.batch_size:
                indices.extend(np.random.permutation(train_data.shape[0]))
            idx = [indices.pop() for _ in range(self.batch_size)]
            feed_dict = {self.ph_data: train_data[idx], self.ph_labels: train_labels[idx],
                         self.ph_dropout: self.dropout}
            learning_rate, loss_average = sess.run([self.op_train, self.op_loss_average], feed_dict)
            if step % 200 == 0:
                print('step {} / {}: learning_rate = {:.2e}, loss_average = {:.2e}'.format(
                    step, num_steps, learning_rate, loss_average))
        return sess

# Idiom seen in: sjvasquez/handwriting-synthesis tf_base_model.py
# What it reproduces: a TFBaseModel whose update_parameters adds regularization_constant * L2 over
#   tf.trainable_variables() only `if self.regularization_constant != 0`; the only construction (rnn.py)
#   passes regularization_constant=0.0, so the guarded decay never runs (the repo sums norms; here squares).
import logging
import os

import numpy as np
import tensorflow as tf


class TFBaseModel(object):

    def __init__(self, reader=None, batch_sizes=[128], num_training_steps=20000, learning_rates=[.01],
                 beta1_decays=[.99], optimizer='adam', grad_clip=5, regularization_constant=0.0,
                 keep_prob=1.0, patiences=[3000], log_interval=20, checkpoint_dir='checkpoints'):
        self.batch_sizes = batch_sizes
        self.learning_rates = learning_rates
        self.beta1_decays = beta1_decays
        self.patiences = patiences
        self.restart_idx = 0
        self.batch_size = batch_sizes[0]
        self.learning_rate = learning_rates[0]
        self.beta1_decay = beta1_decays[0]

        self.reader = reader
        self.num_training_steps = num_training_steps
        self.optimizer = optimizer
        self.grad_clip = grad_clip
        self.regularization_constant = regularization_constant
        self.keep_prob_scalar = keep_prob
        self.log_interval = log_interval
        self.checkpoint_dir = checkpoint_dir

        self.graph = self.build_graph()
        self.session = tf.Session(graph=self.graph)

    def calculate_loss(self):
        raise NotImplementedError('subclass must implement this')

    def update_parameters(self, loss):
        if self.regularization_constant != 0:  # expect: WD303
            l2_penalty = tf.add_n([tf.nn.l2_loss(param) for param in tf.trainable_variables()])
            loss = loss + self.regularization_constant * l2_penalty

        optimizer = self.get_optimizer(self.learning_rate_var, self.beta1_decay_var)
        grads = optimizer.compute_gradients(loss)
        clipped = [(tf.clip_by_value(g, -self.grad_clip, self.grad_clip), v_) for g, v_ in grads]

        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            self.step = optimizer.apply_gradients(clipped, global_step=self.global_step)

    def get_optimizer(self, learning_rate, beta1_decay):
        if self.optimizer == 'adam':
            return tf.train.AdamOptimizer(learning_rate, beta1=beta1_decay)
        elif self.optimizer == 'gd':
            return tf.train.GradientDescentOptimizer(learning_rate)
        elif self.optimizer == 'rms':
            return tf.train.RMSPropOptimizer(learning_rate, decay=beta1_decay, momentum=0.9)
        else:
            assert False, 'optimizer must be adam, gd, or rms'

    def build_graph(self):
        with tf.Graph().as_default() as graph:
            self.global_step = tf.Variable(0, trainable=False)
            self.learning_rate_var = tf.Variable(0.0, trainable=False)
            self.beta1_decay_var = tf.Variable(0.0, trainable=False)

            self.loss = self.calculate_loss()
            self.update_parameters(self.loss)

            self.saver = tf.train.Saver(max_to_keep=1)
            self.init = tf.global_variables_initializer()
            return graph

    def fit(self):
        with self.session.as_default():
            self.session.run(self.init)
            train_generator = self.reader.train_batch_generator(self.batch_size)
            for step in range(self.num_training_steps):
                batch = next(train_generator)
                feed = {getattr(self, k): v for k, v in batch.items() if hasattr(self, k)}
                feed.update({self.learning_rate_var: self.learning_rate,
                             self.beta1_decay_var: self.beta1_decay})
                if hasattr(self, 'keep_prob'):
                    feed[self.keep_prob] = self.keep_prob_scalar
                train_loss, _ = self.session.run([self.loss, self.step], feed_dict=feed)
                if step % self.log_interval == 0:
                    logging.info('[[step {:>8}]] loss: {:<12}'.format(step, round(float(train_loss), 8)))
            if not os.path.isdir(self.checkpoint_dir):
                os.mkdir(self.checkpoint_dir)
            self.saver.save(self.session, os.path.join(self.checkpoint_dir, 'model'), global_step=step)

# Idiom seen in: mikigom/WGAN-LP-tensorflow trainer.py
# What it reproduces: Trainer builds g_loss and c_loss in define_loss(); c_loss also adds
#   tf.losses.get_regularization_loss(scope=critic scope), the critic's l2 terms, and
#   define_optim() minimizes c_loss over the critic variables (clean; the generator has no regularizer).
import os
import numpy as np
import tensorflow as tf

import data_generator
from model import Generator, Critic
from reg_losses import get_regularization_term

flags = tf.compat.v1.app.flags
flags.DEFINE_integer("n_epoch", 20000, "Epoch to train [20000]")
flags.DEFINE_integer("n_batch_size", 256, "Batch size to train [256]")
flags.DEFINE_integer("latent_dimensionality", 2, "Dimensionality of the latent variables [2]")
flags.DEFINE_integer("n_c_iters", 10, "critic updates per generator update")
flags.DEFINE_float("learning_rate", 5e-5, "Learning rate of optimizer [5e-5]")
flags.DEFINE_float("Lambda", 5., "Weights for critics' regularization term [5]")
flags.DEFINE_string("Regularization_type", "LP", "[no_reg, LP, GP]")
flags.DEFINE_string("Purturbation_type", "dragan_only_training", "[no_purf, wgan_gp, dragan_only_training]")
flags.DEFINE_string("dataset", 'GeneratorSwissRoll', "Which dataset is used?")
flags.DEFINE_string("critic_variable_scope_name", "Critic", "[Critic]")
flags.DEFINE_string("generator_variable_scope_name", "Generator", "Generator")
FLAGS = flags.FLAGS


class Trainer(object):
    def __init__(self):
        self.define_dataset()
        self.define_model()
        self.define_loss()
        self.define_optim()
        self.sess = tf.compat.v1.Session()
        self.sess.run(tf.compat.v1.global_variables_initializer())

    def define_dataset(self):
        self.dataset_generator = iter(getattr(data_generator, FLAGS.dataset)(FLAGS.n_batch_size))
        self.real_input = tf.compat.v1.placeholder(tf.float32, shape=(None, 2))
        self.z = tf.random.normal([FLAGS.n_batch_size, FLAGS.latent_dimensionality], mean=0.0, stddev=1.0)

    def define_model(self):
        self.generator = Generator(self.z, variable_scope_name=FLAGS.generator_variable_scope_name)
        self.critic_x = Critic(self.real_input, variable_scope_name=FLAGS.critic_variable_scope_name)
        self.critic_gz = Critic(self.generator.output_tensor,
                                variable_scope_name=FLAGS.critic_variable_scope_name, reuse=True)

    def define_loss(self):
        self.g_loss = -tf.reduce_mean(self.critic_gz.output_tensor)
        self.c_negative_loss = -self.g_loss - tf.reduce_mean(self.critic_x.output_tensor)
        if FLAGS.Regularization_type == 'no_reg':
            self.c_regularization_loss = 0.
        else:
            self.c_regularization_loss, self.x_hat = get_regularization_term(
                training_samples=self.real_input,
                generated_samples=self.generator.output_tensor,
                reg_type=FLAGS.Regularization_type,
                per_type=FLAGS.Purturbation_type,
                critic_variable_scope_name=FLAGS.critic_variable_scope_name)
        self.c_weight_decay = tf.compat.v1.losses.get_regularization_loss(scope=FLAGS.critic_variable_scope_name)
        self.c_loss = self.c_negative_loss + FLAGS.Lambda * self.c_regularization_loss + self.c_weight_decay

    def define_optim(self):
        self.step = tf.Variable(0, name='step', trainable=False)
        self.step_inc = tf.compat.v1.assign(self.step, self.step + 1)
        optimizer = tf.compat.v1.train.RMSPropOptimizer(FLAGS.learning_rate)
        self.g_opt = optimizer.minimize(self.g_loss, var_list=self.generator.var_list)
        self.c_opt = optimizer.minimize(self.c_loss, var_list=self.critic_x.var_list)

    def train(self):
        for step in range(FLAGS.n_epoch):
            for _ in range(FLAGS.n_c_iters):
                _, c_loss = self.sess.run([self.c_opt, self.c_loss],
                                          feed_dict={self.real_input: next(self.dataset_generator)})
            _, g_loss = self.sess.run([self.g_opt, self.g_loss])
            self.sess.run(self.step_inc)
            if step % 100 == 0:
                print('step %d  c_loss %.4f  g_loss %.4f' % (step, c_loss, g_loss))


if __name__ == '__main__':
    trainer = Trainer()
    trainer.train()
    trainer.sess.close()

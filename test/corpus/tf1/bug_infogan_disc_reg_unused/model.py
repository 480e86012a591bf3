# Idiom seen in: VamshiTeja/InfoGAN model/model_w*.py (InfoGAN.build_graph, "dc-gan" branch)
# What it reproduces: an InfoGAN class whose generator and discriminator layers carry l2 regularizers;
#   build_graph takes get_regularization_loss(scope=...) for both networks and adds 0.01*G_reg to the
#   generator objective, but the discriminator objective never receives D_reg (it is only logged).
# label-note: WD105 on the D_reg line: the discriminator's regularization losses are retrieved and summed,
#   but that sum never reaches D_solver's loss (the summary is logging only). No WD102: the losses are
#   retrieved. G_reg is minimized by G_solver over the generator variables, so that side is fine.
from __future__ import absolute_import, division, print_function

import tensorflow as tf
import tensorflow.contrib.layers as layers
from ops import lrelu, deconv2d


class InfoGAN(object):
    def __init__(self, args):
        self.args = args
        self.reg = layers.l2_regularizer(args.l2_scale)
        self.g_reuse = self.d_reuse = False

    def generator(self, z, cat):
        inp = tf.reshape(tf.concat([z, cat], axis=1), [self.args.batch_size, 1, 1, -1])
        with tf.variable_scope('generator', reuse=self.g_reuse):
            net = deconv2d(inp, 256, 4, 4, 'project', reg=self.reg)
            net = deconv2d(net, 128, 5, 2, 'deconv1', reg=self.reg)
            net = deconv2d(net, 64, 5, 2, 'deconv2', reg=self.reg)
            net = deconv2d(net, self.args.num_channels, 5, 2, 'deconv3', activation_fn='tanh')
        self.g_reuse = True
        return net

    def shared_layers(self, x):
        with tf.variable_scope('shared', reuse=tf.AUTO_REUSE):
            for i, ch in enumerate([32, 64, 128]):
                x = tf.layers.conv2d(x, ch, 5, strides=2, padding='same', name='conv%d' % i)
                x = lrelu(layers.batch_norm(x, decay=0.9, updates_collections=None, scope='bn%d' % i))
        return layers.flatten(x)

    def discriminator(self, x):
        h = self.shared_layers(x)
        with tf.variable_scope('discriminator', reuse=self.d_reuse):
            h = lrelu(tf.layers.dense(h, 128, kernel_regularizer=self.reg, name='fc1'))
            logits = tf.layers.dense(h, 1, kernel_regularizer=self.reg, name='fc2')
        self.d_reuse = True
        return logits

    def q_head(self, x):
        h = self.shared_layers(x)
        with tf.variable_scope('cat'):
            return tf.layers.dense(lrelu(tf.layers.dense(h, 128, name='fc1')), self.args.cat_dim, name='fc2')

    def build_graph(self):
        a = self.args
        self.X = tf.placeholder(tf.float32, [a.batch_size, a.imsize, a.imsize, a.num_channels])
        self.z = tf.placeholder(tf.float32, [a.batch_size, a.z_dim])
        self.cat = tf.placeholder(tf.float32, [a.batch_size, a.cat_dim])
        self.G_sample = self.generator(self.z, self.cat)
        self.D_real, self.D_fake = self.discriminator(self.X), self.discriminator(self.G_sample)
        q_logits = self.q_head(self.G_sample)
        theta_G = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='generator')
        theta_S = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='shared')
        theta_D = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='discriminator') + theta_S
        theta_Q = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='cat')
        self.Q_loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=self.cat, logits=q_logits))

        # add regularisation
        self.D_reg = tf.losses.get_regularization_loss(scope='discriminator')  # expect: WD105
        self.G_reg = tf.losses.get_regularization_loss(scope='generator')

        bce = tf.nn.sigmoid_cross_entropy_with_logits
        self.D_loss = tf.reduce_mean(bce(labels=tf.ones_like(self.D_real), logits=self.D_real)) + \
            tf.reduce_mean(bce(labels=tf.zeros_like(self.D_fake), logits=self.D_fake))
        self.G_loss = tf.reduce_mean(bce(labels=tf.ones_like(self.D_fake), logits=self.D_fake))
        self.D_plus_Q_loss = 0.7 * self.D_loss + 0.3 * self.Q_loss
        self.G_plus_Q_loss = 0.7 * self.G_loss + 0.3 * self.Q_loss + 0.01 * self.G_reg
        self.global_step = tf.Variable(0, name='global_step', trainable=False)
        self.D_solver = tf.train.AdamOptimizer(a.learning_rate, beta1=0.5).minimize(
            self.D_plus_Q_loss, var_list=theta_D + theta_Q, global_step=self.global_step)
        self.G_solver = tf.train.AdamOptimizer(a.learning_rate, beta1=0.5).minimize(
            self.G_plus_Q_loss, var_list=theta_G + theta_Q)
        tf.summary.scalar('D_loss', self.D_loss)
        tf.summary.scalar('D_reg', self.D_reg)

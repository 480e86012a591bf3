# Idiom seen in: taki0112/SPADE-Tensorflow SPADE.py
# Idiom seen in: taki0112/SPADE-Tensorflow ops.py
# What it reproduces: a pix2pix-style GAN with a module-level l2 `weight_regularizer` on every conv and
#   one regularization sum per scope; the generator loss adds its scope's sum, but the discriminator's
#   sum is built and never added to d_loss, so the discriminator trains undecayed (user mistake).
import argparse
import tensorflow as tf
from utils import load_test_data, ImageData, save_images

weight_init = tf.random_normal_initializer(mean=0.0, stddev=0.02)
weight_regularizer = tf.contrib.layers.l2_regularizer(scale=0.0001)


def conv(x, channels, kernel=4, stride=2, scope='conv'):
    with tf.variable_scope(scope):
        return tf.layers.conv2d(x, channels, kernel, stride, padding='SAME', kernel_initializer=weight_init, kernel_regularizer=weight_regularizer)


def deconv(x, channels, kernel=4, stride=2, scope='deconv'):
    with tf.variable_scope(scope):
        return tf.layers.conv2d_transpose(x, channels, kernel, stride, padding='SAME', kernel_initializer=weight_init, kernel_regularizer=weight_regularizer)


class Pix2Pix(object):
    def __init__(self, sess, args):
        self.sess = sess
        self.ch = args.ch
        self.L1_weight = args.L1_weight
        self.lr = args.lr
        self.batch_size = args.batch_size
        self.dataset = ImageData(args.dataset_dir, args.img_size)

    def generator(self, x, reuse=False, scope='generator'):
        with tf.variable_scope(scope, reuse=reuse):
            skips = []
            for i in range(4):
                x = tf.nn.leaky_relu(conv(x, self.ch * 2 ** i, scope='enc_%d' % i), 0.2)
                skips.append(x)
            for i in reversed(range(4)):
                x = tf.nn.relu(deconv(tf.concat([x, skips[i]], -1), self.ch * 2 ** max(i - 1, 0), scope='dec_%d' % i))
            return tf.tanh(conv(x, 3, stride=1, scope='out'))

    def discriminator(self, x_init, y, reuse=False, scope='discriminator'):
        with tf.variable_scope(scope, reuse=reuse):
            x = tf.concat([x_init, y], axis=-1)
            for i in range(3):
                x = tf.nn.leaky_relu(conv(x, self.ch * 2 ** i, scope='conv_%d' % i), 0.2)
            return conv(x, 1, stride=1, scope='d_logit')

    def build_model(self):
        self.real_A, self.real_B = self.dataset.iterator(self.batch_size).get_next()
        self.fake_B = self.generator(self.real_A)
        real_logit = self.discriminator(self.real_A, self.real_B)
        fake_logit = self.discriminator(self.real_A, self.fake_B, reuse=True)

        g_adv = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(fake_logit), logits=fake_logit))
        g_l1 = tf.reduce_mean(tf.abs(self.real_B - self.fake_B))
        d_adv = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(real_logit), logits=real_logit)) + \
            tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logit), logits=fake_logit))

        g_reg = tf.losses.get_regularization_loss(scope='generator')
        d_reg = tf.losses.get_regularization_loss(scope='discriminator')  # expect: WD105

        self.g_loss = g_adv + self.L1_weight * g_l1 + g_reg
        self.d_loss = d_adv

        t_vars = tf.trainable_variables()
        G_vars = [var for var in t_vars if 'generator' in var.name]
        D_vars = [var for var in t_vars if 'discriminator' in var.name]
        self.G_optim = tf.train.AdamOptimizer(self.lr, beta1=0.5).minimize(self.g_loss, var_list=G_vars)
        self.D_optim = tf.train.AdamOptimizer(self.lr, beta1=0.5).minimize(self.d_loss, var_list=D_vars)

        tf.summary.scalar('g_loss', self.g_loss)
        tf.summary.scalar('d_loss', self.d_loss)
        self.summary = tf.summary.merge_all()

    def train(self, epochs, iteration):
        tf.global_variables_initializer().run()
        writer = tf.summary.FileWriter('./logs', self.sess.graph)
        counter = 0
        for epoch in range(epochs):
            for idx in range(iteration):
                _, d_loss = self.sess.run([self.D_optim, self.d_loss])
                _, g_loss, summary = self.sess.run([self.G_optim, self.g_loss, self.summary])
                writer.add_summary(summary, counter)
                counter += 1
            print("Epoch %d d_loss %.4f g_loss %.4f" % (epoch, d_loss, g_loss))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset_dir', type=str, default='./dataset/facades')
    parser.add_argument('--ch', type=int, default=64)
    parser.add_argument('--L1_weight', type=float, default=100.0)
    parser.add_argument('--lr', type=float, default=0.0002)
    parser.add_argument('--batch_size', type=int, default=1)
    parser.add_argument('--img_size', type=int, default=256)
    parser.add_argument('--epoch', type=int, default=200)
    parser.add_argument('--iteration', type=int, default=400)
    args = parser.parse_args()
    with tf.Session() as sess:
        gan = Pix2Pix(sess, args)
        gan.build_model()
        gan.train(args.epoch, args.iteration)

# Idiom seen in: taki0112/SPADE-Tensorflow SPADE.py
# What it reproduces: the model class of a GAN with separate generator/encoder/discriminator scopes;
#   g_loss adds regularization_loss('generator') + regularization_loss('encoder'), d_loss adds
#   regularization_loss('discriminator'), each minimized by its own Adam over its own variables. Clean.
import tensorflow as tf
from ops import conv, fully_connected, discriminator_loss, generator_loss, L1_loss, regularization_loss
from utils import Image_data


class SPADE(object):
    def __init__(self, sess, args):
        self.sess = sess
        self.batch_size = args.batch_size
        self.ch = args.ch
        self.adv_weight = args.adv_weight
        self.feature_weight = args.feature_weight
        self.beta1, self.beta2 = args.beta1, args.beta2
        self.dataset_path = args.dataset_path
        self.img_size = args.img_size

    def image_encoder(self, x, reuse=False, scope='encoder'):
        with tf.variable_scope(scope, reuse=reuse):
            x = conv(x, self.ch, kernel=3, stride=2, scope='conv')
            for i in range(3):
                x = conv(tf.nn.leaky_relu(x, 0.2), self.ch * 2, kernel=3, stride=2, scope='conv_' + str(i))
            mean = fully_connected(x, 256, scope='linear_mean')
            var = fully_connected(x, 256, scope='linear_var')
            return mean, var

    def generator(self, segmap, x_mean, x_var, reuse=False, scope='generator'):
        with tf.variable_scope(scope, reuse=reuse):
            z = x_mean + tf.exp(x_var * 0.5) * tf.random_normal(tf.shape(x_mean))
            x = tf.reshape(fully_connected(z, 4 * 4 * self.ch * 16, scope='linear_x'), [self.batch_size, 4, 4, self.ch * 16])
            for i in range(5):
                x = tf.image.resize_bilinear(x, [x.shape[1] * 2, x.shape[2] * 2])
                x = conv(tf.nn.leaky_relu(x, 0.2), self.ch * 4, kernel=3, stride=1, scope='up_conv_' + str(i))
            x = conv(x, 3, kernel=3, stride=1, scope='logit')
            return tf.tanh(x)

    def discriminator(self, segmap, x, reuse=False, scope='discriminator'):
        with tf.variable_scope(scope, reuse=reuse):
            x = tf.concat([segmap, x], axis=-1)
            for i in range(4):
                x = tf.nn.leaky_relu(conv(x, self.ch * (2 ** i), kernel=4, stride=2, sn=True, scope='conv_' + str(i)), 0.2)
            return conv(x, 1, kernel=4, stride=1, sn=True, scope='D_logit')

    def build_model(self):
        self.lr = tf.placeholder(tf.float32, name='learning_rate')
        img_class = Image_data(self.img_size, self.dataset_path)
        self.real_x, self.real_x_segmap = img_class.make_iterator(self.batch_size).get_next()

        x_mean, x_var = self.image_encoder(self.real_x)
        fake_x = self.generator(self.real_x_segmap, x_mean, x_var)
        real_logit = self.discriminator(self.real_x_segmap, self.real_x)
        fake_logit = self.discriminator(self.real_x_segmap, fake_x, reuse=True)

        g_adv_loss = self.adv_weight * generator_loss(fake_logit)
        g_l1_loss = self.feature_weight * L1_loss(self.real_x, fake_x)
        g_reg_loss = regularization_loss('generator') + regularization_loss('encoder')

        d_adv_loss = self.adv_weight * discriminator_loss(real_logit, fake_logit)
        d_reg_loss = regularization_loss('discriminator')

        self.g_loss = g_adv_loss + g_l1_loss + g_reg_loss
        self.d_loss = d_adv_loss + d_reg_loss

        t_vars = tf.trainable_variables()
        G_vars = [var for var in t_vars if 'encoder' in var.name or 'generator' in var.name]
        D_vars = [var for var in t_vars if 'discriminator' in var.name]

        self.G_optim = tf.train.AdamOptimizer(self.lr, beta1=self.beta1, beta2=self.beta2).minimize(self.g_loss, var_list=G_vars)
        self.D_optim = tf.train.AdamOptimizer(self.lr, beta1=self.beta1, beta2=self.beta2).minimize(self.d_loss, var_list=D_vars)
        self.fake_x = fake_x

    def train(self, epochs, iteration, init_lr):
        tf.global_variables_initializer().run()
        for epoch in range(epochs):
            for idx in range(iteration):
                feed = {self.lr: init_lr}
                _, d_loss = self.sess.run([self.D_optim, self.d_loss], feed_dict=feed)
                _, g_loss = self.sess.run([self.G_optim, self.g_loss], feed_dict=feed)
                print("Epoch: [%2d] [%5d/%5d] d_loss: %.8f, g_loss: %.8f" % (epoch, idx, iteration, d_loss, g_loss))

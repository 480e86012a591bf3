# Idiom seen in: taki0112/UGATIT UGATIT.py
# Idiom seen in: taki0112/UGATIT ops.py
# What it reproduces: image-to-image GAN whose generator and discriminator losses each add
#   regularization_loss('<scope>') before two Adam optimizers minimize them over their var_lists (clean).
import tensorflow as tf
from ops import conv, fully_connected, L1_loss, discriminator_loss, generator_loss, regularization_loss
from utils import Image_data


class UGATIT(object):
    def __init__(self, sess, args):
        self.sess = sess
        self.lr = args.lr
        self.batch_size = args.batch_size
        self.img_size = args.img_size
        self.adv_weight = args.adv_weight
        self.cycle_weight = args.cycle_weight
        self.ch = args.ch

    def generator(self, x, reuse=False, scope='generator'):
        with tf.variable_scope(scope, reuse=reuse):
            x = conv(x, self.ch, kernel=7, stride=1, pad=3, pad_type='reflect', scope='conv')
            x = tf.nn.relu(x)
            x = conv(x, self.ch * 2, kernel=3, stride=2, pad=1, pad_type='reflect', scope='conv_down')
            x = tf.nn.relu(x)
            x = tf.image.resize_nearest_neighbor(x, [self.img_size, self.img_size])
            x = conv(x, 3, kernel=7, stride=1, pad=3, pad_type='reflect', scope='G_logit')
            return tf.tanh(x)

    def discriminator(self, x, reuse=False, scope='discriminator'):
        with tf.variable_scope(scope, reuse=reuse):
            x = conv(x, self.ch, kernel=4, stride=2, pad=1, pad_type='reflect', sn=True, scope='conv_0')
            x = tf.nn.leaky_relu(x, 0.2)
            x = conv(x, self.ch * 2, kernel=4, stride=2, pad=1, pad_type='reflect', sn=True, scope='conv_1')
            x = tf.nn.leaky_relu(x, 0.2)
            return fully_connected(x, 1, scope='D_logit')

    def build_model(self):
        Image_Data_Class = Image_data(self.img_size, 3)
        self.domain_A, self.domain_B = Image_Data_Class.get_batches(self.batch_size)

        x_ab = self.generator(self.domain_A, scope='generator_B')
        x_ba = self.generator(self.domain_B, scope='generator_A')
        x_aba = self.generator(x_ab, reuse=True, scope='generator_A')
        x_bab = self.generator(x_ba, reuse=True, scope='generator_B')

        real_A_logit = self.discriminator(self.domain_A, scope='discriminator_A')
        real_B_logit = self.discriminator(self.domain_B, scope='discriminator_B')
        fake_A_logit = self.discriminator(x_ba, reuse=True, scope='discriminator_A')
        fake_B_logit = self.discriminator(x_ab, reuse=True, scope='discriminator_B')

        G_ad_loss = generator_loss(fake_A_logit) + generator_loss(fake_B_logit)
        D_ad_loss = discriminator_loss(real_A_logit, fake_A_logit) + discriminator_loss(real_B_logit, fake_B_logit)
        cycle_loss = L1_loss(self.domain_A, x_aba) + L1_loss(self.domain_B, x_bab)

        self.Generator_loss = self.adv_weight * G_ad_loss + self.cycle_weight * cycle_loss \
            + regularization_loss('generator')
        self.Discriminator_loss = self.adv_weight * D_ad_loss + regularization_loss('discriminator')

        t_vars = tf.trainable_variables()
        G_vars = [var for var in t_vars if 'generator' in var.name]
        D_vars = [var for var in t_vars if 'discriminator' in var.name]
        self.G_optim = tf.train.AdamOptimizer(self.lr, beta1=0.5, beta2=0.999) \
            .minimize(self.Generator_loss, var_list=G_vars)
        self.D_optim = tf.train.AdamOptimizer(self.lr, beta1=0.5, beta2=0.999) \
            .minimize(self.Discriminator_loss, var_list=D_vars)

    def train(self, iteration=100000):
        tf.global_variables_initializer().run()
        for idx in range(iteration):
            _, d_loss = self.sess.run([self.D_optim, self.Discriminator_loss])
            _, g_loss = self.sess.run([self.G_optim, self.Generator_loss])
            if idx % 100 == 0:
                print("[%6d] d_loss: %.8f, g_loss: %.8f" % (idx, d_loss, g_loss))

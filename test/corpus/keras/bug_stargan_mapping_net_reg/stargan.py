# Idiom seen in: clovaai/stargan-v2-tensorflow StarGAN_v2.py (g_train_step / d_train_step, argparse main)
# What it reproduces: two tapes, one per player. g_loss adds regularization_loss(self.generator) only, yet the
#   same persistent tape also yields the MappingNetwork's gradients from g_loss: the mapping network's l2 terms
#   are in neither loss. The discriminator step does add the discriminator's own regularization loss.
# label-note: the WD103 label sits on ops.py's FullyConnected regularizer line. Adam without weight_decay.
import argparse

import tensorflow as tf

from losses import L1_loss, discriminator_loss, generator_loss, r1_gp_req, regularization_loss
from networks import Discriminator, Generator, MappingNetwork
from utils import Image_data  # data pipeline, not part of this workspace


class StarGAN_v2(object):
    def __init__(self, args):
        self.args = args
        self.generator = Generator()
        self.mapping_network = MappingNetwork(args.style_dim, num_domains=args.num_domains)
        self.discriminator = Discriminator(args.num_domains)
        adam = lambda lr: tf.keras.optimizers.Adam(learning_rate=lr, beta_1=0.0, beta_2=0.99, epsilon=1e-08)
        self.g_optimizer, self.f_optimizer, self.d_optimizer = adam(args.lr), adam(args.f_lr), adam(args.lr)

    @tf.function
    def g_train_step(self, x_real, y_org, y_trg, z_trg):
        with tf.GradientTape(persistent=True) as g_tape:
            s_trg = self.mapping_network([z_trg, y_trg])
            x_fake = self.generator([x_real, s_trg])
            g_adv_loss = self.args.adv_weight * generator_loss(self.discriminator([x_fake, y_trg]))
            x_rec = self.generator([x_fake, self.mapping_network([z_trg, y_org])])
            g_cyc_loss = self.args.cyc_weight * L1_loss(x_rec, x_real)
            regular_loss = regularization_loss(self.generator)
            g_loss = g_adv_loss + g_cyc_loss + regular_loss

        g_vars = self.generator.trainable_variables
        self.g_optimizer.apply_gradients(zip(g_tape.gradient(g_loss, g_vars), g_vars))
        f_vars = self.mapping_network.trainable_variables
        self.f_optimizer.apply_gradients(zip(g_tape.gradient(g_loss, f_vars), f_vars))
        return g_loss

    @tf.function
    def d_train_step(self, x_real, y_org, y_trg, z_trg):
        with tf.GradientTape() as d_tape:
            x_fake = self.generator([x_real, self.mapping_network([z_trg, y_trg])])
            d_adv_loss = self.args.adv_weight * discriminator_loss(self.discriminator([x_real, y_org]),
                                                                    self.discriminator([x_fake, y_trg]))
            d_adv_loss += self.args.r1_weight * r1_gp_req(self.discriminator, x_real, y_org)
            d_loss = d_adv_loss + regularization_loss(self.discriminator)
        d_vars = self.discriminator.trainable_variables
        self.d_optimizer.apply_gradients(zip(d_tape.gradient(d_loss, d_vars), d_vars))
        return d_loss

    def train(self, iterations):
        data_iter = iter(Image_data(self.args.img_size, self.args.dataset).dataset(self.args.batch_size))
        for idx in range(iterations):
            x_real, y_org, y_trg = next(data_iter)
            z_trg = tf.random.normal([self.args.batch_size, self.args.latent_dim])
            d_loss = self.d_train_step(x_real, y_org, y_trg, z_trg)
            g_loss = self.g_train_step(x_real, y_org, y_trg, z_trg)
            if idx % 100 == 0:
                print('iter %d d_loss %.4f g_loss %.4f' % (idx, d_loss, g_loss))


def parse_args():
    p = argparse.ArgumentParser(description='StarGAN v2')
    for name, default in [('lr', 1e-4), ('f_lr', 1e-6), ('adv_weight', 1.0), ('cyc_weight', 1.0), ('r1_weight', 1.0)]:
        p.add_argument('--' + name, type=float, default=default)
    for name, default in [('style_dim', 64), ('latent_dim', 16), ('num_domains', 2), ('img_size', 256),
                          ('batch_size', 4), ('iteration', 100000)]:
        p.add_argument('--' + name, type=int, default=default)
    p.add_argument('--dataset', type=str, default='afhq')
    return p.parse_args()


if __name__ == '__main__':
    args = parse_args()
    StarGAN_v2(args).train(args.iteration)

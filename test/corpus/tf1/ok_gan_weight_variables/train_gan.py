# Idiom seen in: jodietrich/wgan_domain_adaptation train_gan.py
# What it reproduces: the training script: placeholders for the two domains, generator and three
#   discriminator calls (real, fake, interpolated), training_ops(...) from gan_model, n_critic critic
#   steps per generator step; the data loader module is not part of this folder.
import logging

import tensorflow as tf

import gan_config as exp_config
import gan_model
from adni_data_loader import load_domains  # returns two endless batch iterators, not in this folder

logging.basicConfig(level=logging.INFO, format='%(asctime)s %(message)s')


def run_training():
    source_batches, target_batches = load_domains(exp_config.image_size, exp_config.batch_size)
    shape = [exp_config.batch_size] + list(exp_config.image_size) + [1]
    z_pl = tf.placeholder(tf.float32, shape, name='source_images')
    x_pl = tf.placeholder(tf.float32, shape, name='target_images')
    training_pl = tf.placeholder(tf.bool, name='training_phase')

    g = exp_config.generator(z_pl, training_pl)
    d_real = exp_config.discriminator(x_pl, training_pl)
    d_fake = exp_config.discriminator(g, training_pl, scope_reuse=True)
    epsilon = tf.random_uniform([exp_config.batch_size, 1, 1, 1], 0.0, 1.0)
    x_hat = epsilon * x_pl + (1 - epsilon) * g
    d_hat = exp_config.discriminator(x_hat, training_pl, scope_reuse=True)

    d_train_op, g_train_op, d_loss, g_loss, _, _ = gan_model.training_ops(
        d_real, d_fake, exp_config.optimizer_handle, exp_config.learning_rate,
        w_reg_gen_l2=exp_config.w_reg_gen_l2, w_reg_disc_l2=exp_config.w_reg_disc_l2,
        d_hat=d_hat, x_hat=x_hat)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(exp_config.max_iterations):
            for _ in range(exp_config.n_critic):
                feed = {z_pl: next(source_batches), x_pl: next(target_batches), training_pl: True}
                sess.run(d_train_op, feed_dict=feed)
            _, gl, dl = sess.run([g_train_op, g_loss, d_loss], feed_dict=feed)
            if step % 100 == 0:
                logging.info('step %d: g_loss %.4f d_loss %.4f', step, gl, dl)


if __name__ == '__main__':
    run_training()

# Idiom seen in: KUASWoodyLIN/TF2-WGAN train.py
# What it reproduces: WGAN losses and the gradient penalty (a penalty on input gradients, not weights).
import tensorflow as tf


def discriminator_loss(real_logit, fake_logit):
    real_loss = -tf.reduce_mean(real_logit)
    fake_loss = tf.reduce_mean(fake_logit)
    return real_loss, fake_loss


def generator_loss(fake_logit):
    return -tf.reduce_mean(fake_logit)


def gradient_penalty(f, real_img, fake_img):
    alpha = tf.random.uniform([tf.shape(real_img)[0], 1, 1, 1], 0., 1.)
    diff = fake_img - real_img
    inter = real_img + (alpha * diff)
    with tf.GradientTape() as tape:
        tape.watch(inter)
        predictions = f(inter)
    gradients = tape.gradient(predictions, [inter])[0]
    slopes = tf.sqrt(tf.reduce_sum(tf.square(gradients), axis=[1, 2, 3]))
    return tf.reduce_mean((slopes - 1.) ** 2)

# Idiom seen in: clovaai/stargan-v2-tensorflow StarGAN_v2.py (its utils: r1_gp_req, regularization_loss)
# What it reproduces: per-network regularization_loss(model) = scale_regularization_loss(model.losses), an R1
#   gradient penalty on real images (a penalty on input gradients, not on weights), and the adversarial losses.
# label-note: no label here; regularization_loss is correct, the bug is which models it is called with.
import tensorflow as tf


def r1_gp_req(discriminator, x_real, y_org):
    with tf.GradientTape() as p_tape:
        p_tape.watch(x_real)
        real_loss = tf.reduce_sum(discriminator([x_real, y_org]))
    real_grads = p_tape.gradient(real_loss, x_real)
    return 0.5 * tf.reduce_mean(tf.reduce_sum(tf.square(real_grads), axis=[1, 2, 3]))


def regularization_loss(model):
    return tf.nn.scale_regularization_loss(model.losses)


def discriminator_loss(real_logit, fake_logit):
    real_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(real_logit), logits=real_logit))
    fake_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logit), logits=fake_logit))
    return real_loss + fake_loss


def generator_loss(fake_logit):
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(fake_logit), logits=fake_logit))


def L1_loss(x, y):
    return tf.reduce_mean(tf.abs(x - y))

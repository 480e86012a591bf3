# Idiom seen in: jodietrich/wgan_domain_adaptation gan_model.py (gan_loss, train_step, training_ops)
# What it reproduces: WGAN-GP losses; the L2 penalties are built with tf.contrib.layers.apply_regularization
#   over the generator's / discriminator's entries of the 'weight_variables' collection and added to the
#   returned losses; each loss is minimized with var_list restricted to its own network.
# label-note: clean. Both penalties reach minimized losses (reg_all is in both, but each optimizer only
#   updates its own variables, so each network is decayed once). apply_regularization also files its sum
#   under REGULARIZATION_LOSSES; that copy is not needed because the returned tensor is used.
import tensorflow as tf


def gan_loss(logits_real, logits_fake, w_reg_gen_l2, w_reg_disc_l2):
    disc_loss = tf.reduce_mean(logits_real) - tf.reduce_mean(logits_fake)
    gen_loss = tf.reduce_mean(logits_fake)
    tf.summary.scalar('discriminator_loss', disc_loss)
    tf.summary.scalar('generator_loss', gen_loss)

    gen_weights = [v for v in tf.get_collection('weight_variables') if v.name.startswith('generator')]
    disc_weights = [v for v in tf.get_collection('weight_variables') if v.name.startswith('discriminator')]
    with tf.variable_scope('weights_norm'):
        l2_regularizer_disc = tf.contrib.layers.l2_regularizer(scale=w_reg_disc_l2)
        reg_disc = tf.contrib.layers.apply_regularization(l2_regularizer_disc, disc_weights)
        l2_regularizer_gen = tf.contrib.layers.l2_regularizer(scale=w_reg_gen_l2)
        reg_gen = tf.contrib.layers.apply_regularization(l2_regularizer_gen, gen_weights)
        reg_all = reg_disc + reg_gen

    total_disc_loss = disc_loss + reg_all
    total_gen_loss = gen_loss + reg_all
    return total_disc_loss, total_gen_loss, disc_loss, gen_loss


def train_step(loss_val, var_list, optimizer_handle, learning_rate):
    # batch norm statistics are updated together with the step
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        if optimizer_handle == tf.train.AdamOptimizer:
            optimizer = optimizer_handle(learning_rate, beta1=0.5, beta2=0.9)
        else:
            optimizer = optimizer_handle(learning_rate)
        return optimizer.minimize(loss_val, var_list=var_list)


def training_ops(logits_real, logits_fake, optimizer_handle, learning_rate, w_reg_gen_l2=0.0,
                 w_reg_disc_l2=0.0, d_hat=None, x_hat=None, scale=10.0):
    train_variables = tf.trainable_variables()
    generator_variables = [v for v in train_variables if v.name.startswith('generator')]
    discriminator_variables = [v for v in train_variables if v.name.startswith('discriminator')]

    d_loss, g_loss, d_loss_no_reg, g_loss_no_reg = gan_loss(logits_real, logits_fake, w_reg_gen_l2, w_reg_disc_l2)
    if d_hat is not None and x_hat is not None:
        ddx = tf.gradients(d_hat, x_hat)[0]
        ddx = tf.sqrt(tf.reduce_sum(tf.square(ddx), axis=[1, 2, 3]))
        d_loss = d_loss + tf.reduce_mean(tf.square(ddx - 1.0) * scale)

    g_train_op = train_step(g_loss, generator_variables, optimizer_handle, learning_rate)
    d_train_op = train_step(d_loss, discriminator_variables, optimizer_handle, learning_rate)
    return d_train_op, g_train_op, d_loss, g_loss, d_loss_no_reg, g_loss_no_reg

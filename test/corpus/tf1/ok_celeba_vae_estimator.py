# Idiom seen in: lchingen/vae model_fn.py
# Idiom seen in: lchingen/vae vae_celeb.py
# What it reproduces: a CelebA convolutional VAE as an Estimator model_fn; its tf.layers carry an l2 kernel
#   regularizer and the loss handed to minimize is reconstruction + beta*KL + tf.losses.get_regularization_loss().
#   (The KL term squares latents, not weights.) Clean.
import tensorflow as tf

from config import FLAGS, beta, learn_rate, input_dim, z_dim

L2_SCALE = 1e-5
regularizer = tf.contrib.layers.l2_regularizer(L2_SCALE)


def encoder(x, training):
    h = x
    for i, filters in enumerate([32, 64, 128, 256]):
        h = tf.layers.conv2d(h, filters, 4, strides=2, padding='same', kernel_regularizer=regularizer,
                             name='enc_conv%d' % i)
        h = tf.nn.leaky_relu(tf.layers.batch_normalization(h, training=training, name='enc_bn%d' % i))
    h = tf.layers.flatten(h)
    z_mean = tf.layers.dense(h, z_dim, kernel_regularizer=regularizer, name='z_mean')
    z_log_var = tf.layers.dense(h, z_dim, kernel_regularizer=regularizer, name='z_log_var')
    return z_mean, z_log_var


def decoder(z, training):
    h = tf.layers.dense(z, 4 * 4 * 256, kernel_regularizer=regularizer, name='dec_fc')
    h = tf.reshape(h, [-1, 4, 4, 256])
    for i, filters in enumerate([128, 64, 32]):
        h = tf.layers.conv2d_transpose(h, filters, 4, strides=2, padding='same', kernel_regularizer=regularizer,
                                       name='dec_deconv%d' % i)
        h = tf.nn.relu(tf.layers.batch_normalization(h, training=training, name='dec_bn%d' % i))
    return tf.layers.conv2d_transpose(h, input_dim[-1], 4, strides=2, padding='same', activation=tf.nn.sigmoid,
                                      name='dec_out')


def Vae(x, z, training):
    with tf.variable_scope('vae', reuse=tf.AUTO_REUSE):
        z_mean, z_log_var = encoder(x, training)
        eps = tf.random_normal(tf.shape(z_mean))
        z_sample = z_mean + tf.exp(0.5 * z_log_var) * eps
        y = decoder(z_sample, training)
    return y, z_mean, z_log_var


def model_fn(features, labels, mode):
    x = features['x'] if isinstance(features, dict) else features
    training = mode == tf.estimator.ModeKeys.TRAIN
    y, z_mean, z_log_var = Vae(x, None, training)

    rec_loss = tf.reduce_sum(tf.squared_difference(x, y))
    kl_loss = -0.5 * tf.reduce_sum(1 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var))
    reg_loss = tf.losses.get_regularization_loss()
    total_loss = tf.reduce_mean(rec_loss + beta * kl_loss) + reg_loss

    predictions = {'x': x, 'y': y, 'mu': z_mean, 'sigma': z_log_var}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)
    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss)

    tf.summary.scalar('rec_loss', rec_loss)
    tf.summary.scalar('kl_loss', kl_loss)
    tf.summary.scalar('reg_loss', reg_loss)
    optimizer = tf.train.AdamOptimizer(learn_rate)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(loss=total_loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)


def main(unused_argv):
    import celeba_input
    run_config = tf.estimator.RunConfig(save_checkpoints_steps=FLAGS.save_steps)
    vae = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.export_path, config=run_config)
    vae.train(input_fn=lambda: celeba_input.train_input_fn(FLAGS.batch_size), steps=FLAGS.train_steps)


if __name__ == '__main__':
    tf.app.run(main)

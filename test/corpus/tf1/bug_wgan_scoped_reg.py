# Idiom seen in: Hellcatzm/DCGAN_TensorFlow ops.py
# Idiom seen in: Hellcatzm/DCGAN_TensorFlow DC_GAN.py
# What it reproduces: DCGAN ops built on tf.get_variable inside variable scopes, d_vars/g_vars split by name and two
# minimize calls. A user added a regularizer to the ops and per-scope sums; the discriminator loss adds its scope's sum,
# but the generator's sum is only logged: g_optim minimizes the bare adversarial loss (a realistic mistake, not the
# repository's code).
import numpy as np
import tensorflow as tf

from utils import batch_images, save_images

flags = tf.app.flags
flags.DEFINE_integer('batch_size', 64, 'batch size')
flags.DEFINE_integer('z_dim', 100, 'noise dimension')
flags.DEFINE_float('learning_rate', 0.0002, 'Adam learning rate')
flags.DEFINE_float('beta1', 0.5, 'Adam beta1')
flags.DEFINE_float('l2_scale', 1e-4, 'l2 on conv / linear weights')
FLAGS = flags.FLAGS


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


def conv2d(input_, output_dim, regularizer, k=5, s=2, stddev=0.02, scope='conv2d'):
    with tf.variable_scope(scope):
        w = tf.get_variable('w', [k, k, input_.get_shape()[-1], output_dim],
                            initializer=tf.truncated_normal_initializer(stddev=stddev),
                            regularizer=regularizer)
        b = tf.get_variable('biases', [output_dim], initializer=tf.constant_initializer(0.0))
        return tf.nn.bias_add(tf.nn.conv2d(input_, w, strides=[1, s, s, 1], padding='SAME'), b)


def deconv2d(input_, output_shape, regularizer, k=5, s=2, stddev=0.02, scope='deconv2d'):
    with tf.variable_scope(scope):
        w = tf.get_variable('w', [k, k, output_shape[-1], input_.get_shape()[-1]],
                            initializer=tf.random_normal_initializer(stddev=stddev),
                            regularizer=regularizer)
        b = tf.get_variable('biases', [output_shape[-1]], initializer=tf.constant_initializer(0.0))
        deconv = tf.nn.conv2d_transpose(input_, w, output_shape=output_shape, strides=[1, s, s, 1])
        return tf.nn.bias_add(deconv, b)


def linear(input_, output_size, regularizer, scope='Linear', stddev=0.02):
    with tf.variable_scope(scope):
        matrix = tf.get_variable('Matrix', [input_.get_shape()[1], output_size], tf.float32,
                                 tf.random_normal_initializer(stddev=stddev), regularizer=regularizer)
        bias = tf.get_variable('bias', [output_size], initializer=tf.constant_initializer(0.0))
        return tf.matmul(input_, matrix) + bias


def generator(z, reg):
    with tf.variable_scope('generator'):
        h0 = tf.nn.relu(tf.reshape(linear(z, 4 * 4 * 512, reg, 'g_h0_lin'), [-1, 4, 4, 512]))
        h1 = tf.nn.relu(deconv2d(h0, [FLAGS.batch_size, 8, 8, 256], reg, scope='g_h1'))
        h2 = tf.nn.relu(deconv2d(h1, [FLAGS.batch_size, 16, 16, 128], reg, scope='g_h2'))
        h3 = tf.nn.relu(deconv2d(h2, [FLAGS.batch_size, 32, 32, 64], reg, scope='g_h3'))
        return tf.nn.tanh(deconv2d(h3, [FLAGS.batch_size, 64, 64, 3], reg, scope='g_h4'))


def discriminator(image, reg, reuse=False):
    with tf.variable_scope('discriminator', reuse=reuse):
        h0 = lrelu(conv2d(image, 64, reg, scope='d_h0_conv'))
        h1 = lrelu(conv2d(h0, 128, reg, scope='d_h1_conv'))
        h2 = lrelu(conv2d(h1, 256, reg, scope='d_h2_conv'))
        h3 = lrelu(conv2d(h2, 512, reg, scope='d_h3_conv'))
        return linear(tf.reshape(h3, [FLAGS.batch_size, -1]), 1, reg, 'd_h4_lin')


def main(_):
    reg = tf.contrib.layers.l2_regularizer(FLAGS.l2_scale)
    images = tf.placeholder(tf.float32, [FLAGS.batch_size, 64, 64, 3], name='real_images')
    z = tf.placeholder(tf.float32, [None, FLAGS.z_dim], name='z')

    G = generator(z, reg)
    D_logits = discriminator(images, reg)
    D_logits_ = discriminator(G, reg, reuse=True)

    def xent(logits, label):
        return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=logits, labels=label))

    d_reg = tf.losses.get_regularization_loss(scope='discriminator')
    g_reg = tf.losses.get_regularization_loss(scope='generator')  # expect: WD105
    d_loss = xent(D_logits, tf.ones_like(D_logits)) + xent(D_logits_, tf.zeros_like(D_logits_)) + d_reg
    g_loss = xent(D_logits_, tf.ones_like(D_logits_))
    tf.summary.scalar('d_loss', d_loss)
    tf.summary.scalar('g_loss', g_loss)
    tf.summary.scalar('g_reg', g_reg)

    t_vars = tf.trainable_variables()
    d_vars = [v for v in t_vars if 'd_' in v.name]
    g_vars = [v for v in t_vars if 'g_' in v.name]
    d_optim = tf.train.AdamOptimizer(FLAGS.learning_rate, beta1=FLAGS.beta1).minimize(d_loss, var_list=d_vars)
    g_optim = tf.train.AdamOptimizer(FLAGS.learning_rate, beta1=FLAGS.beta1).minimize(g_loss, var_list=g_vars)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step, batch in enumerate(batch_images('./TFRecord_Output', FLAGS.batch_size)):
            batch_z = np.random.uniform(-1, 1, [FLAGS.batch_size, FLAGS.z_dim]).astype(np.float32)
            sess.run(d_optim, feed_dict={images: batch, z: batch_z})
            sess.run(g_optim, feed_dict={z: batch_z})
            sess.run(g_optim, feed_dict={z: batch_z})
            if step % 100 == 0:
                samples = sess.run(G, feed_dict={z: batch_z})
                save_images(samples, './samples/train_%05d.png' % step)


if __name__ == '__main__':
    tf.app.run()

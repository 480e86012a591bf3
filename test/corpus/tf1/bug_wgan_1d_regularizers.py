# Idiom seen in: tracholar/ml-homework-cz basic-gan/tracholar/gan_1d.py
# What it reproduces: 1-D WGAN demo (z ~ U(0,1) -> x ~ N(0,1)); every tf.layers.dense of the generator and the
#   critic carries kernel_regularizer=l2_regularizer(0.001), but g_loss/d_loss never add the regularization losses
#   (the repo has the get_regularization_losses term commented out), so all six regularizers are dead (real bug).
import time
import numpy as np
import tensorflow as tf
import matplotlib.pyplot as plt


def unlabeled_data_gen(batch_size=128):
    return np.random.randn(batch_size, 1)


def discriminator(X):
    with tf.variable_scope('discriminator', reuse=tf.AUTO_REUSE):
        hn = 32
        h1 = tf.layers.dense(X, units=hn,
                             kernel_initializer=tf.truncated_normal_initializer(stddev=1.414),
                             activation=tf.nn.relu,
                             kernel_regularizer=tf.contrib.layers.l2_regularizer(0.001))  # expect: WD102
        h2 = tf.layers.dense(h1, units=hn,
                             kernel_initializer=tf.truncated_normal_initializer(stddev=1 / np.sqrt(hn / 2)),
                             activation=tf.nn.relu,
                             kernel_regularizer=tf.contrib.layers.l2_regularizer(0.001))  # expect: WD102
        logits = tf.layers.dense(h2, units=1,
                                 kernel_initializer=tf.truncated_normal_initializer(stddev=1. / np.sqrt(hn / 2)),
                                 kernel_regularizer=tf.contrib.layers.l2_regularizer(0.001))  # expect: WD102
    return logits, h1, h2


def generator(Z):
    with tf.variable_scope('generator', reuse=tf.AUTO_REUSE):
        hn = 32
        h1 = tf.layers.dense(Z, units=hn,
                             kernel_initializer=tf.truncated_normal_initializer(stddev=1.414),
                             activation=tf.nn.relu,
                             kernel_regularizer=tf.contrib.layers.l2_regularizer(0.001))  # expect: WD102
        h2 = tf.layers.dense(h1, units=hn,
                             kernel_initializer=tf.truncated_normal_initializer(stddev=1 / np.sqrt(hn / 2)),
                             activation=tf.nn.relu,
                             kernel_regularizer=tf.contrib.layers.l2_regularizer(0.001))  # expect: WD102
        output = tf.layers.dense(h2, units=1,
                                 kernel_initializer=tf.truncated_normal_initializer(stddev=1. / np.sqrt(hn / 2)),
                                 kernel_regularizer=tf.contrib.layers.l2_regularizer(0.001))  # expect: WD102
    return output


sess = tf.Session()
x_placeholder = tf.placeholder(tf.float32, [None, 1])
z_placeholder = tf.placeholder(tf.float32, [None, 1])

Dx, hx1, hx2 = discriminator(x_placeholder)
Gz = generator(z_placeholder)
Dg, hg1, hg2 = discriminator(Gz)

tf.summary.scalar('dh1_var', tf.reduce_mean(hx1 ** 2))
tf.summary.scalar('gh1_var', tf.reduce_mean(hg1 ** 2))

g_loss = tf.reduce_mean(Dg)  # + tf.reduce_sum(tf.losses.get_regularization_losses(scope='generator'))
d_loss = tf.reduce_mean(Dx) - tf.reduce_mean(Dg)

tvars = tf.trainable_variables()
d_vars = [v for v in tvars if 'discriminator' in v.name]
g_vars = [v for v in tvars if 'generator' in v.name]

opt = tf.train.RMSPropOptimizer(0.001)
d_train = opt.minimize(d_loss, var_list=d_vars)
with tf.control_dependencies([d_train]):
    d_clip = tf.group(*[v.assign(tf.clip_by_value(v, -0.01, 0.01)) for v in d_vars])
g_train = opt.minimize(g_loss, var_list=g_vars)


def eval_gan(it):
    x = unlabeled_data_gen(10000)
    z = np.random.rand(10000, 1)
    gz = sess.run(Gz, feed_dict={x_placeholder: x, z_placeholder: z})
    fig, ax1 = plt.subplots()
    ax1.hist(x.squeeze(), bins=50, alpha=0.7)
    ax1.hist(gz.squeeze(), bins=50, alpha=0.7)
    ax1.legend(['real', 'generator'])
    plt.title('step %d' % it)
    fig.savefig('%d.png' % it)
    plt.close(fig)


merged = tf.summary.merge_all()
train_writer = tf.summary.FileWriter('data/train', sess.graph)
batch_size = 64
sess.run(tf.global_variables_initializer())
step = 10
for i in range(13000):
    z = np.random.rand(batch_size, 1)
    x = unlabeled_data_gen(batch_size)
    _, dloss, summary = sess.run([d_clip, d_loss, merged], feed_dict={x_placeholder: x, z_placeholder: z})
    _, gloss = sess.run([g_train, g_loss], feed_dict={x_placeholder: x, z_placeholder: z})
    train_writer.add_summary(summary, i)
    if i > 100 and step <= 10:
        step = 100
    if i % step == 0:
        print(time.asctime(), 'train', i, 'iters. dLoss =', dloss, 'gLoss =', gloss)
        eval_gan(i)

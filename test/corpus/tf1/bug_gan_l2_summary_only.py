# Idiom seen in: gauravmm/cifar-gan adversarial.py
# What it reproduces: the repo computes `all_weights = _weight_decay_regularizer()` for a histogram and adds it
# to the losses under a guard; here (user edit) the guarded block was dropped, so the decay term is only
# logged by tf.summary and never reaches a minimized loss (WD104 at the assignment).
import tensorflow as tf

from models.simple_model import generator, discriminator
from data.cifar10 import get_data
import support

WEIGHT_DECAY = 0.01
LEARNING_RATE = 0.002


def _weight_decay_regularizer():
    flat = tf.concat([tf.reshape(v, [-1]) for v in tf.trainable_variables()], axis=0)
    return tf.reduce_sum(tf.square(flat)) / 2 * WEIGHT_DECAY


def build(batch_size=64):
    images, labels = get_data(batch_size)
    seed = tf.random_uniform([batch_size, 100], -1.0, 1.0)
    with tf.variable_scope('model_generator'):
        fake = generator(seed, labels)
    with tf.variable_scope('model_discriminator') as scope:
        real_logits, _ = discriminator(images)
        scope.reuse_variables()
        fake_logits, _ = discriminator(fake)

    xent = tf.nn.sigmoid_cross_entropy_with_logits
    dis_loss = tf.reduce_mean(xent(labels=tf.ones_like(real_logits), logits=real_logits)) + \
        tf.reduce_mean(xent(labels=tf.zeros_like(fake_logits), logits=fake_logits))
    gen_loss = tf.reduce_mean(xent(labels=tf.ones_like(fake_logits), logits=fake_logits))

    all_weights = _weight_decay_regularizer()  # expect: WD104
    tf.summary.scalar('weight_decay/all_weights', all_weights)
    tf.summary.scalar('loss/dis', dis_loss)
    tf.summary.scalar('loss/gen', gen_loss)

    dis_vars = [v for v in tf.trainable_variables() if 'model_discriminator/' in v.name]
    gen_vars = [v for v in tf.trainable_variables() if 'model_generator/' in v.name]
    train_dis = tf.train.RMSPropOptimizer(LEARNING_RATE).minimize(dis_loss, var_list=dis_vars)
    train_gen = tf.train.RMSPropOptimizer(LEARNING_RATE).minimize(gen_loss, var_list=gen_vars)
    return train_dis, train_gen, tf.summary.merge_all()


if __name__ == '__main__':
    train_dis, train_gen, summaries = build()
    writer = tf.summary.FileWriter(support.log_dir())
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(20000):
            _, summ = sess.run([train_dis, summaries])
            sess.run(train_gen)
            if step % 100 == 0:
                writer.add_summary(summ, step)

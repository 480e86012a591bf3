# Idiom seen in: gauravmm/cifar-gan adversarial.py
# What it reproduces: hand-written L2 over trainable variables (sum of squares / 2 * WEIGHT_DECAY) added to the
# three GAN losses only under `if hp.WEIGHT_DECAY > 0:`; with WEIGHT_DECAY = 0.0 in the only hyperparameter
# module the whole decay block is dead (WD303 on the guard).
import logging

import tensorflow as tf

import hyperparam_wgan as hp
from models.simple_model import generator, discriminator
from data.cifar10 import get_data

logger = logging.getLogger(__name__)


def build_graph():
    images, labels = get_data(hp.BATCH_SIZE)
    seed = tf.random_uniform([hp.BATCH_SIZE] + list(hp.SEED_DIM), -1.0, 1.0)
    with tf.variable_scope('model_generator'):
        fake = generator(seed, labels)
    with tf.variable_scope('model_discriminator') as scope:
        real_dis, real_cls = discriminator(images)
        scope.reuse_variables()
        fake_dis, fake_cls = discriminator(fake)

    func_loss = tf.nn.sigmoid_cross_entropy_with_logits
    dis_loss = tf.reduce_mean(func_loss(labels=tf.ones_like(real_dis), logits=real_dis)) + \
        tf.reduce_mean(func_loss(labels=tf.zeros_like(fake_dis), logits=fake_dis))
    cls_loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=real_cls))
    gen_loss = tf.reduce_mean(func_loss(labels=tf.ones_like(fake_dis), logits=fake_dis))

    variables = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES)
    dis_vars = [v for v in variables if 'model_discriminator/' in v.name]
    gen_vars = [v for v in variables if 'model_generator/' in v.name]

    def _weight_decay_regularizer(*patterns):
        weight_list = []
        for v in tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES):
            for pattern, weight in patterns:
                if pattern in v.name:
                    weight_list.append(v * weight)
                    break
            else:
                weight_list.append(v)
        flat = tf.concat([tf.reshape(v, [-1]) for v in weight_list], axis=0)
        return tf.reduce_sum(tf.square(flat)) / 2 * hp.WEIGHT_DECAY

    if hp.WEIGHT_DECAY > 0:  # expect: WD303
        dis_loss += _weight_decay_regularizer()
        cls_loss += _weight_decay_regularizer(
            ('model_discriminator/', hp.loss_weights_classifier['classifier']))
        gen_loss += _weight_decay_regularizer(
            ('model_discriminator/', hp.loss_weights_generator['discriminator']))

    with tf.name_scope('train_ops'):
        train_dis = hp.optimizer_dis.minimize(dis_loss, var_list=dis_vars)
        train_cls = hp.optimizer_cls.minimize(cls_loss, var_list=dis_vars)
        train_gen = hp.optimizer_gen.minimize(gen_loss, var_list=gen_vars)
    clip_op = tf.group(*[v.assign(tf.clip_by_value(v, -hp.WGAN_DIS_CLIP, hp.WGAN_DIS_CLIP))
                         for v in dis_vars])
    return train_dis, train_cls, train_gen, clip_op


def main():
    train_dis, train_cls, train_gen, clip_op = build_graph()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        for step in range(100000):
            for _ in range(5):
                sess.run([train_dis, clip_op])
            sess.run([train_cls, train_gen])
            if step % 500 == 0:
                logger.info('step %d', step)
        coord.request_stop()
        coord.join(threads)


if __name__ == '__main__':
    main()

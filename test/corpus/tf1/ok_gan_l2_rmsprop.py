# Idiom seen in: gauravmm/cifar-gan adversarial.py
# Idiom seen in: gauravmm/cifar-gan hyperparam/default.py
# What it reproduces: conditional GAN with a hand-written L2 (sum of squares / 2 * WEIGHT_DECAY, 0.01) on the
# trainable variables, added to discriminator, classifier and generator losses that the RMSProp optimizers
# minimize; WEIGHT_DECAY is live, so the guard is taken: clean.
import argparse

import tensorflow as tf

from models.example_model_batchnorm import generator, discriminator
from data.cifar10 import get_data

HP = {
    'batch_size': 64,
    'weight_decay': 0.01,
    'lr': 0.002,
    'cls_weights': {'discriminator': 0.2, 'classifier': 1.0},
}


def weight_decay_regularizer(weight_decay, scale_patterns=()):
    weights = []
    for v in tf.trainable_variables():
        for pattern, weight in scale_patterns:
            if pattern in v.name:
                weights.append(v * weight)
                break
        else:
            weights.append(v)
    flat = tf.concat([tf.reshape(w, [-1]) for w in weights], axis=0)
    return tf.reduce_sum(tf.square(flat)) / 2 * weight_decay


def main(args):
    hp = dict(HP, batch_size=args.batch_size)
    images, labels = get_data(hp['batch_size'])
    seed = tf.random_uniform([hp['batch_size'], 100], -1.0, 1.0)
    with tf.variable_scope('model_generator'):
        fake = generator(seed, labels)
    with tf.variable_scope('model_discriminator') as scope:
        real_dis, real_cls = discriminator(images)
        scope.reuse_variables()
        fake_dis, _ = discriminator(fake)

    xent = tf.nn.sigmoid_cross_entropy_with_logits
    dis_loss = tf.reduce_mean(xent(labels=tf.ones_like(real_dis), logits=real_dis)) + \
        tf.reduce_mean(xent(labels=tf.zeros_like(fake_dis), logits=fake_dis))
    cls_loss = hp['cls_weights']['classifier'] * tf.reduce_mean(
        tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=real_cls))
    gen_loss = tf.reduce_mean(xent(labels=tf.ones_like(fake_dis), logits=fake_dis))

    if hp['weight_decay'] > 0:
        dis_loss += weight_decay_regularizer(hp['weight_decay'])
        cls_loss += weight_decay_regularizer(
            hp['weight_decay'], [('model_discriminator/', hp['cls_weights']['classifier'])])
        gen_loss += weight_decay_regularizer(hp['weight_decay'])

    dis_vars = [v for v in tf.trainable_variables() if 'model_discriminator/' in v.name]
    gen_vars = [v for v in tf.trainable_variables() if 'model_generator/' in v.name]
    train_dis = tf.train.RMSPropOptimizer(hp['lr']).minimize(dis_loss, var_list=dis_vars)
    train_cls = tf.train.RMSPropOptimizer(hp['lr']).minimize(cls_loss, var_list=dis_vars)
    train_gen = tf.train.RMSPropOptimizer(hp['lr']).minimize(gen_loss, var_list=gen_vars)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(args.steps):
            sess.run([train_dis, train_cls])
            sess.run(train_gen)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--steps', type=int, default=50000)
    main(parser.parse_args())

# Idiom seen in: hellochick/ICNet-tensorflow train.py
# What it reproduces: cascade segmentation net with three branch losses; the L2 terms over every
#   'weights' variable are summed with tf.add_n and added to the weighted branch sum that
#   tf.gradients differentiates. Clean: the decay reaches the optimized loss.
import argparse
import time

import tensorflow as tf

from model import ICNet_BN
from utils.config import Config
from utils.image_reader import ImageReader, prepare_label


def get_arguments():
    parser = argparse.ArgumentParser(description="ICNet training")
    parser.add_argument("--dataset", required=True, choices=['cityscapes', 'ade20k', 'others'])
    parser.add_argument("--update-mean-var", action="store_true")
    parser.add_argument("--train-beta-gamma", action="store_true")
    parser.add_argument("--filter-scale", type=int, default=1, choices=[1, 2])
    return parser.parse_args()


def branch_loss(output, label, num_classes, ignore_label):
    raw_pred = tf.reshape(output, [-1, num_classes])
    label = prepare_label(label, tf.stack(output.get_shape()[1:3]), num_classes=num_classes, one_hot=False)
    label = tf.reshape(label, [-1])
    keep = tf.squeeze(tf.where(tf.logical_and(tf.less_equal(label, num_classes - 1),
                                              tf.not_equal(label, ignore_label))), 1)
    gt = tf.cast(tf.gather(label, keep), tf.int32)
    pred = tf.gather(raw_pred, keep)
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(logits=pred, labels=gt))


def build_losses(net, label, cfg):
    n, ign = cfg.param['num_classes'], cfg.param['ignore_label']
    l_sub4 = branch_loss(net.layers['sub4_out'], label, n, ign)
    l_sub24 = branch_loss(net.layers['sub24_out'], label, n, ign)
    l_sub124 = branch_loss(net.layers['conv6_cls'], label, n, ign)

    decay_terms = [cfg.WEIGHT_DECAY * tf.nn.l2_loss(v) for v in tf.trainable_variables() if 'weights' in v.name]
    total = cfg.LAMBDA1 * l_sub4 + cfg.LAMBDA2 * l_sub24 + cfg.LAMBDA3 * l_sub124 + tf.add_n(decay_terms)
    return l_sub4, l_sub24, l_sub124, total


class TrainConfig(Config):
    LAMBDA1 = 0.16
    LAMBDA2 = 0.4
    LAMBDA3 = 1.0
    WEIGHT_DECAY = 0.0001
    LEARNING_RATE = 5e-4
    MOMENTUM = 0.9
    POWER = 0.9
    TRAINING_STEPS = 60001


def main():
    args = get_arguments()
    cfg = TrainConfig(dataset=args.dataset, is_training=True, filter_scale=args.filter_scale)

    reader = ImageReader(cfg=cfg, mode='train')
    net = ICNet_BN(image_reader=reader, cfg=cfg, mode='train')
    l4, l24, l124, reduced_loss = build_losses(net, net.labels, cfg)

    step_ph = tf.placeholder(dtype=tf.float32, shape=())
    lr = tf.scalar_mul(tf.constant(cfg.LEARNING_RATE), tf.pow(1 - step_ph / cfg.TRAINING_STEPS, cfg.POWER))

    trainable = [v for v in tf.trainable_variables()
                 if ('beta' not in v.name and 'gamma' not in v.name) or args.train_beta_gamma]
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS) if args.update_mean_var else None

    with tf.control_dependencies(update_ops):
        opt = tf.train.MomentumOptimizer(lr, cfg.MOMENTUM)
        grads = tf.gradients(reduced_loss, trainable)
        train_op = opt.apply_gradients(zip(grads, trainable))

    net.create_session()
    for step in range(cfg.TRAINING_STEPS):
        t0 = time.time()
        total, a, b, c, _ = net.sess.run([reduced_loss, l4, l24, l124, train_op], feed_dict={step_ph: step})
        print('step %d total %.3f sub4 %.3f sub24 %.3f sub124 %.3f (%.3fs)' % (step, total, a, b, c, time.time() - t0))


if __name__ == '__main__':
    main()

# Idiom seen in: VamshiTeja/InfoGAN main script (argparse args handed to InfoGAN(args), alternating D/G steps)
# What it reproduces: the entry point; batches come from a utils module that is not part of this folder.
from __future__ import absolute_import, division, print_function

import argparse

import numpy as np
import tensorflow as tf

from model import InfoGAN
from utils import celeba_batches  # data pipeline, not part of this folder


def main():
    p = argparse.ArgumentParser()
    for flag, default in [('batch_size', 32), ('imsize', 64), ('num_channels', 3), ('z_dim', 100),
                          ('cat_dim', 10), ('iters', 20000)]:
        p.add_argument('--' + flag, type=int, default=default)
    p.add_argument('--learning_rate', type=float, default=2e-4)
    p.add_argument('--l2_scale', type=float, default=1e-4)
    args = p.parse_args()
    gan = InfoGAN(args)
    gan.build_graph()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for it, X in zip(range(args.iters), celeba_batches(args.batch_size, args.imsize)):
            feed = {gan.X: X, gan.z: np.random.normal(size=[args.batch_size, args.z_dim]),
                    gan.cat: np.random.multinomial(1, args.cat_dim * [1.0 / args.cat_dim], size=args.batch_size)}
            sess.run(gan.D_solver, feed_dict=feed)
            sess.run(gan.G_solver, feed_dict=feed)


if __name__ == '__main__':
    main()

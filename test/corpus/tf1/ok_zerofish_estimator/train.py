# Idiom seen in: crypt3lx2k/Zerofish train.py
# Idiom seen in: crypt3lx2k/Zerofish model_fn.py
# What it reproduces: the Estimator driver for the chess net: hyperparameters (l2_scale included) go in through
#   params, the model_fn of model_fn.py builds a loss that holds the L2 term. Clean.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import argparse
import tensorflow as tf

import input_fn
from model_fn import model_fn


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_dir', default='/tmp/zerofish')
    parser.add_argument('--train_files', nargs='+', default=['games/train.tfrecord'])
    parser.add_argument('--steps', type=int, default=200000)
    parser.add_argument('--batch_size', type=int, default=256)
    parser.add_argument('--filters', type=int, default=128)
    parser.add_argument('--modules', type=int, default=10)
    parser.add_argument('--l2_scale', type=float, default=1e-4)
    parser.add_argument('--learning_rate', type=float, default=1e-3)
    parser.add_argument('--optimizer', default='Adam')
    args = parser.parse_args(argv[1:])

    params = {
        'filters': args.filters,
        'modules': args.modules,
        'n_classes': 8 * 8 * 73,
        'l2_scale': args.l2_scale,
        'learning_rate': args.learning_rate,
        'optimizer': args.optimizer,
    }
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=args.model_dir, params=params)
    estimator.train(input_fn=lambda: input_fn.train_input_fn(args.train_files, args.batch_size),
                    max_steps=args.steps)


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run(main)

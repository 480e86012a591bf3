# Idiom seen in: Lapis-Hong/wide_deep python/train.py
# What it reproduces: the training entry point of the multi-DNN Estimator: it builds the classifier from dnn.py and
#   trains it on an input_fn from a dataset module the folder does not hold; the regularization losses are lost in dnn.py.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import argparse
import os
import shutil

import tensorflow as tf

from dataset import input_fn
from feature import build_model_columns
from dnn import DNN, MultiDNNClassifier

parser = argparse.ArgumentParser()
parser.add_argument('--model_dir', type=str, default='./model/multi_dnn')
parser.add_argument('--train_data', type=str, default='data/train')
parser.add_argument('--eval_data', type=str, default='data/eval')
parser.add_argument('--train_epochs', type=int, default=5)
parser.add_argument('--epochs_per_eval', type=int, default=1)
parser.add_argument('--batch_size', type=int, default=256)


def build_estimator(model_dir):
    _, deep_columns = build_model_columns()
    run_config = tf.estimator.RunConfig().replace(save_checkpoints_steps=1000, keep_checkpoint_max=5)
    return MultiDNNClassifier(
        model_collections=(DNN(hidden_units=[256, 128]),
                           DNN(hidden_units=[512, 256, 64], connected_layers='first_dense')),
        feature_columns=deep_columns,
        model_dir=model_dir,
        optimizer='Adagrad',
        config=run_config)


def main(unused_argv):
    FLAGS, _ = parser.parse_known_args()
    shutil.rmtree(FLAGS.model_dir, ignore_errors=True)
    model = build_estimator(FLAGS.model_dir)
    for n in range(FLAGS.train_epochs // FLAGS.epochs_per_eval):
        model.train(input_fn=lambda: input_fn(FLAGS.train_data, FLAGS.epochs_per_eval, True, FLAGS.batch_size))
        results = model.evaluate(input_fn=lambda: input_fn(FLAGS.eval_data, 1, False, FLAGS.batch_size))
        print('Results at epoch {}'.format((n + 1) * FLAGS.epochs_per_eval))
        for key in sorted(results):
            print('{}: {}'.format(key, results[key]))
    print('model saved in {}'.format(os.path.abspath(FLAGS.model_dir)))


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run(main=main)

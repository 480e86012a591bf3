# Idiom seen in: tylersco/adapted_deep_embeddings run_model.py
# What it reproduces: the training driver of the baseline models; options carry no weight decay at all,
#   so the helpers' weight-decay branches never run.
from __future__ import print_function

import argparse

import numpy as np
import tensorflow as tf

from baseline_model import MNISTBaselineModel, IsoletBaselineModel
from data.mnist.read_mnist import MNISTDataset
from data.isolet.read_isolet import IsoletDataset


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset', default='mnist', choices=['mnist', 'isolet'])
    parser.add_argument('--n', type=int, default=5)
    parser.add_argument('--learning_rate', type=float, default=1e-3)
    parser.add_argument('--epochs', type=int, default=50)
    parser.add_argument('--batch_size', type=int, default=32)
    parser.add_argument('--save_dir', default='trained_models/tmp')
    args = parser.parse_args()

    config = vars(args)
    if args.dataset == 'mnist':
        data = MNISTDataset(n=args.n)
        model = MNISTBaselineModel(config)
    else:
        data = IsoletDataset(n=args.n)
        model = IsoletBaselineModel(config)
    model.create_saver()

    train_op, cost = model.optimize
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(tf.local_variables_initializer())
        for epoch in range(args.epochs):
            losses = []
            for x, y in data.batches(args.batch_size):
                _, c = sess.run([train_op, cost], feed_dict={
                    model.input: x, model.target: y,
                    model.learning_rate: args.learning_rate, model.is_train: True})
                losses.append(c)
            print('epoch %d cost %.4f' % (epoch, np.mean(losses)))
        model.save_model(sess, args.epochs)


if __name__ == '__main__':
    main()

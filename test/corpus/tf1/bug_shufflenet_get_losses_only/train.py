# Idiom seen in: TropComplique/ShuffleNet-tensorflow train.py
# What it reproduces: argparse front-end passing --weight_decay into the graph builder and running
#   the 'optimize' op; the decay terms it creates are never part of the minimized total.
import argparse
import time

import tensorflow as tf

from get_shufflenet import get_shufflenet


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--initial_lr', type=float, default=1e-1)
    parser.add_argument('--weight_decay', type=float, default=5e-3)
    parser.add_argument('--groups', type=int, default=3)
    parser.add_argument('--dropout', type=float, default=0.5)
    parser.add_argument('--complexity_scale_factor', type=float, default=0.75)
    parser.add_argument('--num_epochs', type=int, default=35)
    parser.add_argument('--steps_per_epoch', type=int, default=1000)
    return parser.parse_args()


def train():
    FLAGS = get_args()
    graph, ops = get_shufflenet(FLAGS.initial_lr, FLAGS.weight_decay, FLAGS.groups,
                                FLAGS.dropout, FLAGS.complexity_scale_factor)
    sess = tf.Session(graph=graph)
    sess.run(ops['init_variables'])
    sess.run(ops['init_data'])
    for epoch in range(FLAGS.num_epochs):
        start_time = time.time()
        sess.run(ops['train_init'])
        for _ in range(FLAGS.steps_per_epoch):
            batch_loss, batch_accuracy, _ = sess.run([ops['log_loss'], ops['accuracy'], ops['optimize']])
        print('{0} {1:.3f} {2:.3f} {3:.3f}'.format(epoch, batch_loss, batch_accuracy,
                                                   time.time() - start_time))
        if epoch in (20, 30):
            sess.run(ops['drop_learning_rate'])
    ops['saver'].save(sess, 'saved/model')


if __name__ == '__main__':
    train()

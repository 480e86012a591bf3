# Idiom seen in: ilyakava/py3fst spectrogram_NN.py
# What it reproduces: argparse + tf.estimator training of the wake-word detector with a model_fn closure that builds
#   the network twice (reuse=False for training, reuse=True for prediction) and minimizes
#   reduce_mean(sparse_softmax_cross_entropy) only: REGULARIZATION_LOSSES is never read.
import argparse
from functools import partial

import tensorflow as tf

from spectrogram_networks import amazon_net
from networks.spectrogram_data import parser, input_fn, identity_serving_input_receiver_fn

sr = 16000


def train(args):
    network = amazon_net
    n_classes = 3
    n_left, n_right = 20, 10
    train_parser = partial(parser, h=args.feature_height, w=args.tfrecord_train_feature_width)
    eval_parser = partial(parser, h=args.feature_height, w=args.tfrecord_eval_feature_width)

    def model_fn(features, labels, mode):
        if mode in (tf.estimator.ModeKeys.TRAIN, tf.estimator.ModeKeys.EVAL):
            labels = labels[:, n_left:-n_right]
            detection_labels = tf.maximum(0, labels)
            labels = labels + 1

        logits_train = network(features, args.dropout, reuse=False, is_training=True,
                               n_classes=n_classes, args=args)
        logits_val = network(features, args.dropout, reuse=True, is_training=False,
                             n_classes=n_classes, args=args)

        pred_probas = tf.nn.softmax(logits_val)
        pred_classes = tf.argmax(logits_val, axis=2, output_type=tf.int32)
        pred_wake = tf.maximum(0, pred_classes - 1)

        if mode == tf.estimator.ModeKeys.PREDICT:
            return tf.estimator.EstimatorSpec(mode, predictions=pred_probas)

        loss_op = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
            logits=logits_train, labels=labels))
        optimizer = tf.train.AdamOptimizer(learning_rate=args.lr)
        train_op = optimizer.minimize(loss_op, global_step=tf.train.get_global_step())

        acc_op = tf.metrics.accuracy(labels=labels, predictions=pred_classes)
        acc2_op = tf.metrics.accuracy(labels=detection_labels, predictions=pred_wake)
        return tf.estimator.EstimatorSpec(mode=mode, predictions=pred_classes, loss=loss_op, train_op=train_op,
                                          eval_metric_ops={'mask_accuracy': acc_op,
                                                           'detection_accuracy': acc2_op})

    model = tf.estimator.Estimator(model_fn, model_dir=args.model_root)
    train_spec = tf.estimator.TrainSpec(
        input_fn=lambda: input_fn(args.train_data_root, args.batch_size, train_parser), max_steps=args.max_steps)
    eval_spec = tf.estimator.EvalSpec(
        input_fn=lambda: input_fn(args.val_data_root, args.batch_size, eval_parser, infinite=False), steps=90)
    tf.estimator.train_and_evaluate(model, train_spec, eval_spec)


def main():
    p = argparse.ArgumentParser(formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument('--model_root', required=True, type=str)
    p.add_argument('--train_data_root', required=True, type=str)
    p.add_argument('--val_data_root', required=True, type=str)
    p.add_argument('--lr', default=0.00005, type=float)
    p.add_argument('--weight_decay', default=1e-4, type=float, help='L2 scale for the dense kernels')
    p.add_argument('--dropout', default=0.2, type=float)
    p.add_argument('--batch_size', default=64, type=int)
    p.add_argument('--max_steps', default=200000, type=int)
    p.add_argument('--hop_length', default=sr // 100, type=int)
    p.add_argument('--network_example_length', default=19840, type=int)
    p.add_argument('--feature_height', default=80, type=int)
    p.add_argument('--tfrecord_train_feature_width', default=80000 // 160, type=int)
    p.add_argument('--tfrecord_eval_feature_width', default=19840 // 160, type=int)
    train(p.parse_args())


if __name__ == '__main__':
    main()

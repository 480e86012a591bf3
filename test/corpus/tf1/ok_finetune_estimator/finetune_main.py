# Idiom seen in: xuzhezhaozhao/ai tf/slim/models/inception_v4/finetune/build_model_fn.py
# What it reproduces: a slim Inception-v4 finetune model_fn using the net's arg_scope with weight_decay=opts.l2_regularizer plus a new logits layer with weights_regularizer; the loss is built by estimator_utils.get_loss, which adds the regularization loss (clean).
import argparse

import tensorflow as tf
import tensorflow.contrib.slim as slim

from nets import inception
from flower_input import make_input_fn
import estimator_utils


def model_fn(features, labels, mode, params):
    opts = params["opts"]
    is_training = mode == tf.estimator.ModeKeys.TRAIN
    with slim.arg_scope(inception.inception_v4_arg_scope(weight_decay=opts.l2_regularizer,
                                                         batch_norm_decay=opts.batch_norm_decay)):
        _, end_points = inception.inception_v4(features["data"], num_classes=None,
                                               is_training=is_training, create_aux_logits=False)
    net = slim.dropout(end_points["global_pool"], keep_prob=opts.dropout_keep_prob, is_training=is_training)
    logits = slim.conv2d(net, opts.num_classes, [1, 1], activation_fn=None, normalizer_fn=None,
                         weights_regularizer=slim.l2_regularizer(opts.l2_regularizer),
                         scope="Logits_new")
    logits = tf.squeeze(logits, [1, 2])
    return estimator_utils.create_estimator_spec(mode, logits, labels, params)


def parse_opts():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_dir", default="model_dir")
    parser.add_argument("--train_data_path", default="train.txt")
    parser.add_argument("--num_classes", type=int, default=5)
    parser.add_argument("--l2_regularizer", type=float, default=4e-5)
    parser.add_argument("--batch_norm_decay", type=float, default=0.9997)
    parser.add_argument("--dropout_keep_prob", type=float, default=0.8)
    parser.add_argument("--optimizer_momentum", type=float, default=0.9)
    parser.add_argument("--learning_rate", type=float, default=0.01)
    parser.add_argument("--train_layers", nargs="+", default=["Logits_new", "InceptionV4/Mixed_7d"])
    parser.add_argument("--max_train_steps", type=int, default=20000)
    return parser.parse_args()


def main():
    opts = parse_opts()
    estimator_utils.set_global_learning_rate(opts.learning_rate)
    classifier = tf.estimator.Estimator(model_fn=model_fn, model_dir=opts.model_dir,
                                        params={"opts": opts})
    classifier.train(input_fn=make_input_fn(opts.train_data_path, opts), max_steps=opts.max_train_steps)


if __name__ == "__main__":
    tf.logging.set_verbosity(tf.logging.INFO)
    main()

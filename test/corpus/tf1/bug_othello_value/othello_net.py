# Idiom seen in: duvallj/othello_ai10 ai10.py
# What it reproduces: the CIFAR-10 helper _variable_with_weight_decay copied into an Othello board evaluator, with the 'losses' collection correctly summed into the loss, but every layer calls it with wd=None, so the decay machinery never adds anything (WD303 on the guard).
import argparse
import re

import tensorflow as tf

import board_input

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=1024)
parser.add_argument("--data_dir", type=str, default="./train_files")
FLAGS, _ = parser.parse_known_args()

TOWER_NAME = "tower"


def _activation_summary(x):
    name = re.sub("%s_[0-9]*/" % TOWER_NAME, "", x.op.name)
    tf.summary.histogram(name + "/activations", x)
    tf.summary.scalar(name + "/sparsity", tf.nn.zero_fraction(x))


def _variable_on_cpu(name, shape, initializer):
    with tf.device("/cpu:0"):
        return tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = _variable_on_cpu(name, shape, tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name="weight_loss")
        tf.add_to_collection("losses", weight_decay)
    return var


def inputs(eval_data):
    return board_input.inputs(eval_data=eval_data, data_dir=FLAGS.data_dir, batch_size=FLAGS.batch_size)


def inference(boards):
    with tf.variable_scope("conv4x4") as scope:
        kernel = _variable_with_weight_decay("weights", shape=[4, 4, 1, 128], stddev=5e-2, wd=None)
        conv = tf.nn.conv2d(boards, kernel, [1, 1, 1, 1], padding="SAME")
        biases = _variable_on_cpu("biases", [128], tf.constant_initializer(0.0))
        conv4x4 = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
        _activation_summary(conv4x4)

    with tf.variable_scope("relu3") as scope:
        flat = tf.concat([tf.reshape(conv4x4, [FLAGS.batch_size, -1]),
                          tf.reshape(boards, [FLAGS.batch_size, -1])], 1)
        dim = flat.get_shape()[1].value
        weights = _variable_with_weight_decay("weights", shape=[dim, 200], stddev=0.04, wd=None)
        biases = _variable_on_cpu("biases", [200], tf.constant_initializer(0.1))
        relu3 = tf.nn.relu(tf.matmul(flat, weights) + biases, name=scope.name)

    with tf.variable_scope("relu4") as scope:
        weights = _variable_with_weight_decay("weights", shape=[200, 100], stddev=0.04, wd=None)
        biases = _variable_on_cpu("biases", [100], tf.constant_initializer(0.1))
        relu4 = tf.nn.relu(tf.matmul(relu3, weights) + biases, name=scope.name)

    with tf.variable_scope("logit5"):
        weights = _variable_with_weight_decay("weights", [100, 1], stddev=1 / 100.0, wd=None)
        biases = _variable_on_cpu("biases", [1], tf.constant_initializer(0.0))
        logit5 = tf.matmul(relu4, weights) + biases
    return logit5


def loss(logits, scores):
    cross_entropy = tf.nn.sigmoid_cross_entropy_with_logits(labels=scores, logits=tf.reshape(logits, [-1]),
                                                            name="cross_entropy_per_example")
    tf.add_to_collection("losses", tf.reduce_mean(cross_entropy, name="cross_entropy"))
    return tf.add_n(tf.get_collection("losses"), name="total_loss")


def train(total_loss, global_step, initial_lr=0.1):
    lr = tf.train.exponential_decay(initial_lr, global_step, 100000, 0.1, staircase=True)
    tf.summary.scalar("learning_rate", lr)
    opt = tf.train.GradientDescentOptimizer(lr)
    grads = opt.compute_gradients(total_loss)
    apply_op = opt.apply_gradients(grads, global_step=global_step)
    ema = tf.train.ExponentialMovingAverage(0.9999, global_step)
    with tf.control_dependencies([apply_op, ema.apply(tf.trainable_variables())]):
        return tf.no_op(name="train")

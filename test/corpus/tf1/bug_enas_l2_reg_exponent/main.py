# Idiom seen in: melodyguan/enas src/utils.py
# What it reproduces: flags defined through the utils.DEFINE_* wrappers; `child_l2_reg` was typed
#   1e4 instead of 1e-4, so with plain SGD at lr 0.1 the decay alone multiplies the weights by
#   1 - 2 * 0.1 * 1e4 per step (lr * wd = 1000 >= 1).
import os
import sys
import numpy as np
import tensorflow as tf

import utils
from utils import DEFINE_float, DEFINE_integer, DEFINE_string, print_user_flags
from general_child import GeneralChild
from data_utils import read_data

flags = tf.app.flags
FLAGS = flags.FLAGS

DEFINE_string("data_path", "", "")
DEFINE_string("output_dir", "", "")
DEFINE_integer("batch_size", 128, "")
DEFINE_integer("num_epochs", 310, "")
DEFINE_integer("child_num_layers", 6, "")
DEFINE_integer("child_out_filters", 36, "")
DEFINE_float("child_lr", 0.1, "")
DEFINE_integer("child_lr_dec_every", 10000, "")
DEFINE_float("child_lr_dec_rate", 0.1, "")
DEFINE_float("child_l2_reg", 1e4, "")  # expect: WD301
DEFINE_integer("log_every", 50, "How many steps to log")


def get_ops(images, labels):
    child_model = GeneralChild(
        images["train"], labels["train"],
        num_layers=FLAGS.child_num_layers,
        out_filters=FLAGS.child_out_filters,
        l2_reg=FLAGS.child_l2_reg,
        lr_init=FLAGS.child_lr,
        lr_dec_every=FLAGS.child_lr_dec_every,
        lr_dec_rate=FLAGS.child_lr_dec_rate,
        optim_algo="sgd")
    child_model.connect_controller()
    return {
        "global_step": child_model.global_step,
        "loss": child_model.loss,
        "train_op": child_model.train_op,
        "lr": child_model.lr,
        "grad_norm": child_model.grad_norm,
    }


def train():
    images, labels = read_data(FLAGS.data_path)
    g = tf.Graph()
    with g.as_default():
        ops = get_ops(images, labels)
        saver = tf.train.Saver(max_to_keep=2)
        hooks = [tf.train.CheckpointSaverHook(FLAGS.output_dir, save_steps=1000, saver=saver)]
        with tf.train.SingularMonitoredSession(hooks=hooks, checkpoint_dir=FLAGS.output_dir) as sess:
            while True:
                loss, lr, gn, _, global_step = sess.run(
                    [ops["loss"], ops["lr"], ops["grad_norm"], ops["train_op"], ops["global_step"]])
                if global_step % FLAGS.log_every == 0:
                    print("step={:<6d} loss={:<8.6f} lr={:<8.4f} |g|={:<8.4f}".format(global_step, loss, lr, gn))
                if global_step >= FLAGS.num_epochs * 50000 // FLAGS.batch_size:
                    break


def main(_):
    print_user_flags()
    train()


if __name__ == "__main__":
    tf.app.run()

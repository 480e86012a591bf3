# Idiom seen in: tinghuiz/SfMLearner train.py
# What it reproduces: the flags-driven entry point (tf.app.flags, main(_), tf.app.run()) that seeds the
#   run and hands FLAGS to SfMLearner.train().
from __future__ import division

import os
import random

import numpy as np
import tensorflow as tf

from sfmlearner import SfMLearner

flags = tf.app.flags
flags.DEFINE_string("dataset_dir", "", "Dataset directory")
flags.DEFINE_string("checkpoint_dir", "./checkpoints/", "Directory name to save the checkpoints")
flags.DEFINE_float("learning_rate", 0.0002, "Learning rate of for adam")
flags.DEFINE_float("beta1", 0.9, "Momentum term of adam")
flags.DEFINE_float("smooth_weight", 0.5, "Weight for smoothness")
flags.DEFINE_float("explain_reg_weight", 0.0, "Weight for explanability regularization")
flags.DEFINE_integer("batch_size", 4, "The size of of a sample batch")
flags.DEFINE_integer("img_height", 128, "Image height")
flags.DEFINE_integer("img_width", 416, "Image width")
flags.DEFINE_integer("num_source", 2, "Number of source frames")
flags.DEFINE_integer("max_steps", 200000, "Maximum number of training iterations")
flags.DEFINE_integer("save_latest_freq", 5000, "Save the latest model every save_latest_freq iterations")
FLAGS = flags.FLAGS


def main(_):
    seed = 8964
    tf.set_random_seed(seed)
    np.random.seed(seed)
    random.seed(seed)
    if not os.path.exists(FLAGS.checkpoint_dir):
        os.makedirs(FLAGS.checkpoint_dir)
    sfm = SfMLearner()
    sfm.train(FLAGS)


if __name__ == '__main__':
    tf.app.run()

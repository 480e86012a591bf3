# Idiom seen in: srihari-humbarwadi/retinanet-tensorflow2.x retinanet/__main__.py
# What it reproduces: absl flags pointing at a json config, a strategy picked from the config, the model_fn from
#   builder.py and an input_fn from a dataset module that is not part of this folder.
import json

import tensorflow as tf
from absl import app, flags, logging
from easydict import EasyDict

from builder import model_builder
from dataset_builder import DatasetBuilder
from executor import Executor

flags.DEFINE_string('config_path', None, 'Path to the experiment config json', required=True)
flags.DEFINE_boolean('debug', False, 'Print debugging info')
FLAGS = flags.FLAGS


def main(_):
    logging.set_verbosity(logging.DEBUG if FLAGS.debug else logging.INFO)
    with open(FLAGS.config_path) as f:
        params = EasyDict(json.load(f))
    strategy = tf.distribute.MirroredStrategy()
    train_input_fn = DatasetBuilder('train', params)
    executor = Executor(params, model_builder(params), train_input_fn, strategy)
    executor.train()


if __name__ == '__main__':
    app.run(main)

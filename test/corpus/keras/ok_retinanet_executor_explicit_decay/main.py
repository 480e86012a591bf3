# Idiom seen in: srihari-humbarwadi/retinanet-tensorflow2.x retinanet/__main__.py, retinanet/model/builder.py
# What it reproduces: absl entry point with a json config; the detector and its loss object come from a
#   model-building module outside this folder (compiled only to carry `model.loss`), the inputs from a dataset
#   module; use_weight_decay / weight_decay_alpha are read by the Executor.
import json

import tensorflow as tf
from absl import app, flags
from easydict import EasyDict

from dataset_builder import DatasetBuilder
from executor import Executor
from model_builder import make_retinanet

flags.DEFINE_string('config_path', None, 'Path to the experiment config json', required=True)
FLAGS = flags.FLAGS


def main(_):
    with open(FLAGS.config_path) as f:
        params = EasyDict(json.load(f))
    strategy = tf.distribute.MirroredStrategy()

    def model_fn():
        return make_retinanet(params)

    executor = Executor(params, model_fn, DatasetBuilder('train', params), strategy)
    executor.train()


if __name__ == '__main__':
    app.run(main)

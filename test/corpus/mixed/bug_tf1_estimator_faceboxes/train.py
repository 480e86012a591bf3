# Idiom seen in: TropComplique/FaceBoxes-tensorflow train.py (params from config.json, Estimator(model_fn, params=...), train_and_evaluate)
# What it reproduces: the Estimator driver; model_fn is only handed to tf.estimator, and its weight_decay comes from a JSON file. The bug (WD105) is labelled in model.py.
import json
import os

import tensorflow as tf

from model import model_fn
from src.input_pipeline import Pipeline  # not in this folder

tf.logging.set_verbosity('INFO')

CONFIG = 'config.json'
GPU_TO_USE = '0'

params = json.load(open(CONFIG))
model_params = params['model_params']
input_params = params['input_pipeline_params']


def get_input_fn(is_training=True):
    image_size = input_params['image_size']
    dataset_path = input_params['train_dataset'] if is_training else input_params['val_dataset']
    batch_size = input_params['batch_size'] if is_training else 1
    filenames = sorted(n for n in os.listdir(dataset_path) if n.endswith('.tfrecords'))
    filenames = [os.path.join(dataset_path, n) for n in filenames]

    def input_fn():
        with tf.device('/cpu:0'), tf.name_scope('input_pipeline'):
            pipeline = Pipeline(filenames, batch_size=batch_size,
                                image_size=image_size, repeat=is_training,
                                shuffle=is_training, augmentation=is_training)
            features, labels = pipeline.get_batch()
        return features, labels

    return input_fn


session_config = tf.ConfigProto()
session_config.gpu_options.visible_device_list = GPU_TO_USE

run_config = tf.estimator.RunConfig().replace(
    model_dir=model_params['model_dir'],
    session_config=session_config,
    save_summary_steps=200,
    save_checkpoints_secs=600,
    log_step_count_steps=100)

estimator = tf.estimator.Estimator(model_fn, params=model_params,
                                   config=run_config)

train_spec = tf.estimator.TrainSpec(get_input_fn(True),
                                    max_steps=input_params['num_steps'])
eval_spec = tf.estimator.EvalSpec(get_input_fn(False), steps=None,
                                  start_delay_secs=600, throttle_secs=600)
tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)

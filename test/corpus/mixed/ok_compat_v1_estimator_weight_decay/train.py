# Idiom seen in: TropComplique/wing-loss model.py (model_fn reads its hyper-parameters from params)
# What it reproduces: an entry point (written here, in the repo's style) that builds the Estimator around model_fn with the
#   hyper-parameters in a params dict, under absl.app.
from absl import app, flags
import tensorflow as tf

from model import model_fn
from input_pipeline import Pipeline

FLAGS = flags.FLAGS
flags.DEFINE_string('model_dir', 'models/run00', 'checkpoint dir')

PARAMS = {
    'num_landmarks': 68,
    'w': 10.0,
    'epsilon': 2.0,
    'weight_decay': 5e-4,
    'lr_boundaries': [20000, 40000],
    'lr_values': [0.01, 0.001, 0.0001],
    'batch_size': 32,
    'num_steps': 50000,
}


def get_input_fn(is_training):
    def input_fn():
        pipeline = Pipeline('data/train_shards' if is_training else 'data/val_shards',
                            batch_size=PARAMS['batch_size'], training=is_training)
        return pipeline.dataset
    return input_fn


def main(_):
    run_config = tf.estimator.RunConfig(model_dir=FLAGS.model_dir, save_checkpoints_steps=2000)
    estimator = tf.estimator.Estimator(model_fn, params=PARAMS, config=run_config)
    train_spec = tf.estimator.TrainSpec(get_input_fn(True), max_steps=PARAMS['num_steps'])
    eval_spec = tf.estimator.EvalSpec(get_input_fn(False), steps=None, throttle_secs=1800)
    tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)


if __name__ == '__main__':
    app.run(main)

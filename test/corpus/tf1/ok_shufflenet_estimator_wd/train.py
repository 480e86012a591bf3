# Idiom seen in: weiSupreme/cnn-review-tf train.py
# Idiom seen in: weiSupreme/cnn-review-tf model_fn.py
# What it reproduces: an Estimator model_fn whose add_weight_decay() puts wd * l2_loss(w) into REGULARIZATION_LOSSES by hand;
#   the optimizer's compute_gradients gets tf.losses.get_total_loss(add_regularization_losses=True), so the decay is trained
#   on (the extra get_regularization_loss() kept only for a summary and the EstimatorSpec's loss=cross entropy do not change that): clean.
import os

import tensorflow as tf

from input_pipeline import Pipeline
from model_fn import model_fn

tf.logging.set_verbosity('INFO')

BATCH_SIZE = 32
NUM_EPOCHS = 100
TRAIN_DATASET_SIZE = 5000
NUM_STEPS = NUM_EPOCHS * (TRAIN_DATASET_SIZE // BATCH_SIZE)
PARAMS = {
    'train_dataset_path': 'data/imagenet10_train/',
    'val_dataset_path': 'data/imagenet10_val/',
    'weight_decay': 5e-5,
    'initial_learning_rate': 0.0625,
    'decay_steps': NUM_STEPS,
    'end_learning_rate': 1e-7,
    'model_dir': 'models/imagenet10_shufflenet_v2',
    'num_classes': 10,
    'depth_multiplier': '0.5',
}


def get_input_fn(is_training):
    dataset_path = PARAMS['train_dataset_path'] if is_training else PARAMS['val_dataset_path']
    filenames = sorted(n for n in os.listdir(dataset_path) if n.endswith('.tfrecords'))
    filenames = [os.path.join(dataset_path, n) for n in filenames]

    def input_fn():
        pipeline = Pipeline(filenames, is_training, batch_size=BATCH_SIZE,
                            num_epochs=None if is_training else 1)
        return pipeline.dataset
    return input_fn


run_config = tf.estimator.RunConfig().replace(
    model_dir=PARAMS['model_dir'], save_summary_steps=500,
    save_checkpoints_steps=1000, log_step_count_steps=50)

estimator = tf.estimator.Estimator(model_fn=model_fn, params=PARAMS, config=run_config)
train_spec = tf.estimator.TrainSpec(get_input_fn(True), max_steps=NUM_STEPS)
eval_spec = tf.estimator.EvalSpec(get_input_fn(False), steps=None, throttle_secs=120)
tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)

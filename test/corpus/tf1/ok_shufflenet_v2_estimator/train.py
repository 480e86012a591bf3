# Idiom seen in: TropComplique/shufflenet-v2-tensorflow train.py
# What it reproduces: params dict (weight_decay 4e-5) handed to tf.estimator.Estimator(model_fn=...) and
#   train_and_evaluate with input functions from a module the workspace lacks (clean).
import tensorflow as tf

from model import model_fn
from input_pipeline import Pipeline

tf.logging.set_verbosity('INFO')

GPU_TO_USE = '0'
BATCH_SIZE = 512
NUM_EPOCHS = 133
NUM_STEPS = NUM_EPOCHS * (1281144 // BATCH_SIZE)

PARAMS = {
    'train_dataset_path': '/mnt/datasets/imagenet/train_shards/',
    'val_dataset_path': '/mnt/datasets/imagenet/val_shards/',
    'weight_decay': 4e-5,
    'initial_learning_rate': 0.0625,
    'decay_steps': NUM_STEPS,
    'end_learning_rate': 1e-6,
    'model_dir': 'models/run00/',
    'num_classes': 1000,
    'depth_multiplier': '0.5'
}


def get_input_fn(is_training):
    dataset_path = PARAMS['train_dataset_path'] if is_training else PARAMS['val_dataset_path']

    def input_fn():
        pipeline = Pipeline(tf.gfile.Glob(dataset_path + '*'), is_training, batch_size=BATCH_SIZE)
        return pipeline.dataset
    return input_fn


session_config = tf.ConfigProto(allow_soft_placement=True)
session_config.gpu_options.visible_device_list = GPU_TO_USE
run_config = tf.estimator.RunConfig().replace(model_dir=PARAMS['model_dir'], session_config=session_config,
                                              save_summary_steps=500, save_checkpoints_secs=1800)

estimator = tf.estimator.Estimator(model_fn, params=PARAMS, config=run_config)
train_spec = tf.estimator.TrainSpec(get_input_fn(True), max_steps=NUM_STEPS)
eval_spec = tf.estimator.EvalSpec(get_input_fn(False), steps=None, start_delay_secs=3600 * 2,
                                  throttle_secs=3600 * 2)
tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)

# Idiom seen in: Goy0695/deep_ctr_model modeltrain.py
# What it reproduces: the entry point that builds the DeepFM Estimator from the config dict and trains it;
#   the data files come from a feature pipeline the folder does not hold.
import glob
import os

import tensorflow as tf

from deepfm import DeepFM
from deepfm_config import deepfm_params
from feature.FeatureInfo import export_libsvm  # noqa: F401  (feature pipeline, not in this folder)

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('data_dir', './data', 'directory with tr*.libsvm / va*.libsvm')
tf.app.flags.DEFINE_string('model_dir', './model_deepfm', 'checkpoint directory')
tf.app.flags.DEFINE_integer('num_threads', 8, 'intra/inter op threads')


def main(_):
    tr_files = glob.glob(os.path.join(FLAGS.data_dir, 'tr*.libsvm'))
    va_files = glob.glob(os.path.join(FLAGS.data_dir, 'va*.libsvm'))
    session_config = tf.ConfigProto(intra_op_parallelism_threads=FLAGS.num_threads,
                                    inter_op_parallelism_threads=FLAGS.num_threads)
    run_config = tf.estimator.RunConfig().replace(session_config=session_config,
                                                  save_checkpoints_steps=2000)
    model = DeepFM(run_config, deepfm_params)
    model.compile(FLAGS.model_dir)
    model.train(tr_files)
    print(model.evaluate(va_files))


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run()

# Idiom seen in: niladell/unsupervised-medical-learning src/main.py
# What it reproduces: the flags-driven entry point that builds the Estimator from core_model_estimator.model_fn with a
#   params dict (weight decay, optimizers, noise size) and trains on an input_fn from a data module the folder lacks.
import tensorflow as tf

from datamanager.cq500_input_functions import generate_input_fn
from core_model_estimator import model_fn

flags = tf.app.flags
flags.DEFINE_string('model_dir', 'gs://cq500-gan/models', 'Model directory.')
flags.DEFINE_string('data_dir', 'gs://cq500-gan/data', 'TFRecords directory.')
flags.DEFINE_float('learning_rate', 0.0002, 'Learning rate.')
flags.DEFINE_float('weight_decay', 1e-5, 'L2 weight decay on the conv kernels.')
flags.DEFINE_string('d_optimizer', 'SGD', 'Discriminator optimizer.')
flags.DEFINE_string('g_optimizer', 'ADAM', 'Generator optimizer.')
flags.DEFINE_integer('noise_dim', 64, 'Size of the noise vector.')
flags.DEFINE_integer('batch_size', 256, 'Batch size.')
flags.DEFINE_integer('train_steps', 100000, 'Training steps.')
FLAGS = flags.FLAGS


def main(argv):
    del argv
    params = {
        'learning_rate': FLAGS.learning_rate,
        'weight_decay': FLAGS.weight_decay,
        'd_optimizer': FLAGS.d_optimizer,
        'g_optimizer': FLAGS.g_optimizer,
        'noise_dim': FLAGS.noise_dim,
        'soft_label_strength': 0.1,
    }
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=params)
    estimator.train(input_fn=generate_input_fn(FLAGS.data_dir, FLAGS.batch_size, is_training=True),
                    max_steps=FLAGS.train_steps)


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run()

# Idiom seen in: drewszurko/tensorflow-WGAN-GP main.py
# What it reproduces: the absl entry point (flags, app.run(main)) that builds the pipeline and the
#   WGANGP trainer; the critic's l2 terms are part of the critic loss (clean).
import os

from absl import app
from absl import flags
from tensorflow import keras

import models

keras.backend.clear_session()
os.environ['TF_CPP_MIN_LOG_LEVEL'] = '3'
FLAGS = flags.FLAGS

flags.DEFINE_integer('epochs', 50, 'Epochs to train.')
flags.DEFINE_integer('batch_size', 64, 'Size of image batch.')
flags.DEFINE_integer('image_size', 64, 'I/O Image size.')
flags.DEFINE_integer('z_size', 128, 'Random vector noise size.')
flags.DEFINE_float('g_lr', .0001, 'Generator learning rate.')
flags.DEFINE_float('d_lr', .0001, 'Discriminator learning rate.')
flags.DEFINE_enum('dataset', None, ['cifar10', 'celeb_a', 'tf_flowers'], 'Dataset to train.')
flags.DEFINE_string('output_dir', '.', 'Output directory.')
flags.DEFINE_float('g_penalty', 10.0, 'Gradient penalty weight.')
flags.DEFINE_integer('n_critic', 5, 'Critic updates per generator update.')
flags.mark_flag_as_required('dataset')


def main(argv):
    del argv
    pipeline = models.DatasetPipeline()
    dataset = pipeline.load_dataset()
    wgangp = models.WGANGP(dataset_info=pipeline.dataset_info)
    wgangp.train(dataset=dataset)


if __name__ == '__main__':
    app.run(main)

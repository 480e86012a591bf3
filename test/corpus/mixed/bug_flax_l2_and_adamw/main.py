# Idiom seen in: google/flax examples/imagenet/train.py
# What it reproduces: the absl entry point of a Flax example that loads the ml_collections config file
# given by --config and hands it to train.train_and_evaluate (the findings are in train.py).
from absl import app
from absl import flags
from ml_collections import config_flags

import train

FLAGS = flags.FLAGS
flags.DEFINE_string('workdir', None, 'Directory to store model data.')
config_flags.DEFINE_config_file('config', 'default_config.py', 'Training hyper-parameter configuration.')


def main(argv):
  if len(argv) > 1:
    raise app.UsageError('Too many command-line arguments.')
  train.train_and_evaluate(FLAGS.config, FLAGS.workdir)


if __name__ == '__main__':
  flags.mark_flags_as_required(['config', 'workdir'])
  app.run(main)

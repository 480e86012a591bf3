# Idiom seen in: google-research/scenic scenic/model_lib/base_models/regression_model.py
# Idiom seen in: google-research/scenic scenic/train_lib/classification_trainer.py
# What it reproduces: Scenic's loss_function adds 0.5 * config.l2_decay_factor * l2_regularization(params) to the
#   loss, while this config also picks optimizer "adamw" with weight_decay=0.05 on the kernels (Scenic configs usually
#   set l2_decay_factor=None then): the kernels are decayed by the optimizer and again by the explicit penalty.
from absl import app
from absl import flags
from clu import metric_writers
import jax
from ml_collections import config_flags

import trainer
from datasets import get_dataset

FLAGS = flags.FLAGS
config_flags.DEFINE_config_file('config', 'configs/regression_config.py', 'Training configuration.')
flags.DEFINE_string('workdir', '/tmp/scenic_regression', 'Work unit directory.')


def main(argv):
  del argv
  config = FLAGS.config
  rng = jax.random.PRNGKey(config.rng_seed)
  writer = metric_writers.create_default_writer(FLAGS.workdir)
  dataset = get_dataset(config, batch_size=config.batch_size)
  trainer.train(rng=rng, config=config, dataset=dataset, writer=writer)


if __name__ == '__main__':
  app.run(main)

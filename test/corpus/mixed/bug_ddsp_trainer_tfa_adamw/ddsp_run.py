# Idiom seen in: magenta/ddsp ddsp/training/ddsp_run.py
# What it reproduces: the entry point that builds the model and the Trainer of trainers.py and
# runs its train_step over a distributed dataset.
from absl import app
import tensorflow.compat.v2 as tf

from ddsp.training import data, models
from trainers import Trainer


def main(unused_argv):
  strategy = tf.distribute.MirroredStrategy()
  with strategy.scope():
    model = models.Autoencoder()
  trainer = Trainer(model, strategy, learning_rate=3e-4)
  dataset = data.NSynthTfds().get_batch(batch_size=16, shuffle=True)
  dataset = iter(strategy.experimental_distribute_dataset(dataset))
  for _ in range(30000):
    trainer.train_step(dataset)


if __name__ == '__main__':
  app.run(main)

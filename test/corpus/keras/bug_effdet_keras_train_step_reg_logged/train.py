# Idiom seen in: tensorflow/examples tensorflow_examples/lite/model_maker/third_party/efficientdet/keras/train_lib.py
# What it reproduces: EfficientDetNetTrain.train_step computes _reg_l2_loss(weight_decay) over the kernels
# and (a user mistake in the repo's idiom; the repo adds it to total_loss) only reports it in loss_vals,
# so the tape differentiates the detection loss alone.
"""The main training script."""
import os

from absl import app
from absl import flags
from absl import logging
import tensorflow as tf

import dataloader
import hparams_config
import train_lib

FLAGS = flags.FLAGS
flags.DEFINE_string('model_name', 'efficientdet-d0', 'Model name.')
flags.DEFINE_string('model_dir', None, 'Location of model_dir')
flags.DEFINE_string('training_file_pattern', None, 'Glob for training tfrecords.')
flags.DEFINE_integer('batch_size', 64, 'training batch size')
flags.DEFINE_integer('num_epochs', 300, 'Number of epochs for training')
flags.DEFINE_integer('steps_per_epoch', 1800, 'Steps per epoch')
flags.DEFINE_string('hparams', '', 'Comma separated k=v pairs of hyperparameters.')


def main(_):
  config = hparams_config.get_efficientdet_config(FLAGS.model_name)
  config.override(FLAGS.hparams)
  config.weight_decay = 4e-5
  config.clip_gradients_norm = 10.0
  logging.info('weight_decay=%f', config.weight_decay)

  model = train_lib.EfficientDetNetTrain(config=config)
  model.build((FLAGS.batch_size, *config.image_size, 3))
  learning_rate = tf.keras.optimizers.schedules.CosineDecay(
      0.08, FLAGS.num_epochs * FLAGS.steps_per_epoch)
  model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate, momentum=0.9))

  train_ds = dataloader.InputReader(FLAGS.training_file_pattern, is_training=True,
                                    max_instances_per_image=config.max_instances_per_image)(
                                        config.as_dict(), batch_size=FLAGS.batch_size)
  model.fit(train_ds, epochs=FLAGS.num_epochs, steps_per_epoch=FLAGS.steps_per_epoch,
            callbacks=[tf.keras.callbacks.ModelCheckpoint(
                os.path.join(FLAGS.model_dir, 'ckpt'), save_weights_only=True)])


if __name__ == '__main__':
  app.run(main)

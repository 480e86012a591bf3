# Idiom seen in: google/automl efficientdet/tf2/train.py (absl flags, config override, strategy scope,
#   setup_model -> compile(optimizer=train_lib.get_optimizer(...)), model.fit)
# What it reproduces: the absl entry point: detection hparams from a config module that is not part of this folder
#   (weight_decay=4e-5, learning_rate=0.08, momentum=0.9 by default), the train_step subclass built inside a
#   MirroredStrategy scope, compiled with the optimizer from train_lib and trained with fit() on a dataloader
#   module that is not part of this folder either.
import tensorflow as tf
from absl import app, flags

import dataloader
import hparams_config
import train_lib

flags.DEFINE_string('model_name', 'efficientdet-d0', 'Model name.')
flags.DEFINE_string('train_file_pattern', None, 'Glob for training tfrecords.')
flags.DEFINE_string('model_dir', None, 'Location of model_dir.')
flags.DEFINE_string('hparams', '', 'Comma separated k=v pairs of hyperparameters or a yaml file.')
flags.DEFINE_integer('batch_size', 64, 'Global batch size.')
flags.DEFINE_integer('num_epochs', 300, 'Number of epochs.')
flags.DEFINE_integer('steps_per_epoch', 1000, 'Steps per epoch.')
FLAGS = flags.FLAGS


def main(_):
    config = hparams_config.get_efficientdet_config(FLAGS.model_name)
    config.override(FLAGS.hparams, True)
    config.batch_size = FLAGS.batch_size
    params = dict(config.as_dict(), model_name=FLAGS.model_name, model_dir=FLAGS.model_dir)

    strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        model = train_lib.EfficientDetNetTrain(config=config)
        model.build((None, *config.image_size, 3))
        model.compile(optimizer=train_lib.get_optimizer(params))

    train_ds = dataloader.InputReader(FLAGS.train_file_pattern, is_training=True)(params)
    model.fit(train_ds, epochs=FLAGS.num_epochs, steps_per_epoch=FLAGS.steps_per_epoch,
              callbacks=[tf.keras.callbacks.ModelCheckpoint(FLAGS.model_dir + '/ckpt-{epoch:d}',
                                                            save_weights_only=True)])


if __name__ == '__main__':
    app.run(main)

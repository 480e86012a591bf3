# Idiom seen in: alcunha/inat2021ufam main.py
# Idiom seen in: alcunha/inat2021ufam train_image_classifier.py
# What it reproduces: absl flags entry point that builds the model, calls model_builder.add_weight_decay on
# the built model and trains it with compile/fit (HParams namedtuple, SGD, checkpoint callbacks); fit has no
# regularization loss to add because the regularizers were set after construction.
import collections
import os

import tensorflow as tf
from absl import app, flags

import dataloader
import model_builder

FLAGS = flags.FLAGS
flags.DEFINE_string('model_name', 'mobilenetv2', 'model to train')
flags.DEFINE_string('model_dir', '/tmp/models/', 'checkpoints and summaries')
flags.DEFINE_float('lr', 0.01, 'learning rate')
flags.DEFINE_float('weight_decay', 4e-5, 'l2 on conv and dense kernels')
flags.DEFINE_integer('epochs', 10, 'epochs')
flags.DEFINE_integer('batch_size', 32, 'batch size')

HParams = collections.namedtuple("HParams", ['lr', 'epochs', 'batch_size', 'momentum', 'model_dir'])


def train_model(model, hparams, train_data, val_data, steps_per_epoch):
    checkpoint_callback = tf.keras.callbacks.ModelCheckpoint(
        filepath=os.path.join(hparams.model_dir, "ckp"), save_weights_only=True, save_freq='epoch')
    optimizer = tf.keras.optimizers.SGD(learning_rate=hparams.lr, momentum=hparams.momentum)
    loss_fn = tf.keras.losses.CategoricalCrossentropy()
    model.compile(optimizer=optimizer, loss=loss_fn, metrics=['accuracy'])
    return model.fit(train_data, epochs=hparams.epochs, callbacks=[checkpoint_callback],
                     validation_data=val_data, steps_per_epoch=steps_per_epoch)


def main(_):
    train_data, train_size, num_classes = dataloader.make_dataset('train', FLAGS.batch_size)
    val_data, _, _ = dataloader.make_dataset('val', FLAGS.batch_size)
    model = model_builder.create(FLAGS.model_name, num_classes)
    model = model_builder.add_weight_decay(model, FLAGS.weight_decay)
    hparams = HParams(lr=FLAGS.lr, epochs=FLAGS.epochs, batch_size=FLAGS.batch_size,
                      momentum=0.9, model_dir=FLAGS.model_dir)
    train_model(model, hparams, train_data, val_data, train_size // FLAGS.batch_size)


if __name__ == '__main__':
    app.run(main)

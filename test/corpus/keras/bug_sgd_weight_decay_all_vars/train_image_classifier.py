# Idiom seen in: alcunha/inat2021ufam train_image_classifier.py
# What it reproduces: the repo's HParams + generate_optimizer()/train_model() pair; this variant (user change)
# passes hparams.weight_decay to the Keras 2.11+ SGD optimizer, whose decoupled decay applies to every
# trainable variable, BatchNormalization gamma/beta and biases included (no exclude_from_weight_decay call).
import collections
import os

import tensorflow as tf

import model_builder
from dataloader import make_dataset

HParams = collections.namedtuple("HParams", [
    'lr', 'weight_decay', 'epochs', 'batch_size', 'momentum', 'use_label_smoothing', 'model_dir'])


def get_default_hparams():
    return HParams(lr=0.01, weight_decay=4e-5, epochs=10, batch_size=32, momentum=0.9,
                   use_label_smoothing=False, model_dir='/tmp/models/')


def generate_optimizer(hparams):
    return tf.keras.optimizers.SGD(learning_rate=hparams.lr,
                                   momentum=hparams.momentum,
                                   weight_decay=hparams.weight_decay)  # expect: WD203


def generate_loss_fn(hparams):
    return tf.keras.losses.CategoricalCrossentropy(label_smoothing=0.1 if hparams.use_label_smoothing else 0.0)


def train_model(model, hparams, train_data_and_size, val_data_and_size):
    train_data, train_size = train_data_and_size
    val_data, val_size = val_data_and_size
    callbacks = [tf.keras.callbacks.TensorBoard(os.path.join(hparams.model_dir, "summaries")),
                 tf.keras.callbacks.ModelCheckpoint(os.path.join(hparams.model_dir, "ckp"),
                                                    save_weights_only=True)]
    model.compile(optimizer=generate_optimizer(hparams), loss=generate_loss_fn(hparams),
                  metrics=['accuracy'])
    return model.fit(train_data, epochs=hparams.epochs, callbacks=callbacks, validation_data=val_data,
                     steps_per_epoch=train_size // hparams.batch_size,
                     validation_steps=val_size // hparams.batch_size)


if __name__ == '__main__':
    hparams = get_default_hparams()
    train = make_dataset('train', hparams.batch_size)
    val = make_dataset('val', hparams.batch_size)
    model = model_builder.create(num_classes=10000)
    train_model(model, hparams, train, val)

# Idiom seen in: alcunha/inat2021ufam train_image_classifier.py
# What it reproduces: HParams namedtuple + train_model() compiling with SGD and fitting the rebuilt,
# regularized model from model_builder.add_weight_decay; fit adds model.losses. Clean.
import collections

import tensorflow as tf

import model_builder
from dataloader import make_dataset

HParams = collections.namedtuple("HParams", ['lr', 'weight_decay', 'epochs', 'batch_size', 'momentum'])


def train_model(model, hparams, train_data, val_data):
    optimizer = tf.keras.optimizers.SGD(learning_rate=hparams.lr, momentum=hparams.momentum)
    model.compile(optimizer=optimizer, loss=tf.keras.losses.CategoricalCrossentropy(),
                  metrics=['accuracy'])
    return model.fit(train_data, epochs=hparams.epochs, validation_data=val_data)


if __name__ == '__main__':
    hparams = HParams(lr=0.01, weight_decay=4e-5, epochs=10, batch_size=32, momentum=0.9)
    train_data = make_dataset('train', hparams.batch_size)
    val_data = make_dataset('val', hparams.batch_size)
    model = model_builder.create(num_classes=100)
    model = model_builder.add_weight_decay(model, hparams.weight_decay)
    train_model(model, hparams, train_data, val_data)

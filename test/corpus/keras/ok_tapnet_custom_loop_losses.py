# Idiom seen in: verystrongjoe/tapnet baselines/models/simple.py
# What it reproduces: the subclassed Conv1D baseline for multivariate time-series classification (UEA archives) trained
#   in a GradientTape loop; the layers carry l2 kernel regularizers and the loss in the tape adds tf.add_n(model.losses),
#   so the decay is part of what is differentiated; clean.
import argparse

import tensorflow as tf
from tensorflow.keras.layers import Conv1D, Dense, Flatten, GlobalAveragePooling1D

from utils.data_loader import load_uea

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='NATOPS')
parser.add_argument('--epochs', type=int, default=300)
parser.add_argument('--batch_size', type=int, default=16)
parser.add_argument('--wd', type=float, default=1e-3)
args = parser.parse_args()


class MyModel(tf.keras.Model):
    def __init__(self, n_classes, wd):
        super(MyModel, self).__init__()
        reg = tf.keras.regularizers.l2(wd)
        self.conv1 = Conv1D(128, 8, padding='same', activation='relu', kernel_regularizer=reg)
        self.conv2 = Conv1D(256, 5, padding='same', activation='relu', kernel_regularizer=reg)
        self.gap = GlobalAveragePooling1D()
        self.flatten = Flatten()
        self.d1 = Dense(128, activation='relu', kernel_regularizer=reg)
        self.d2 = Dense(n_classes)

    def call(self, x):
        x = self.conv1(x)
        x = self.conv2(x)
        x = self.flatten(self.gap(x))
        x = self.d1(x)
        return self.d2(x)


(x_train, y_train), (x_test, y_test), n_classes = load_uea(args.dataset)
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1000).batch(args.batch_size)

model = MyModel(n_classes, args.wd)
loss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam(1e-3)
train_acc = tf.keras.metrics.SparseCategoricalAccuracy()


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = model(images)
        loss_value = loss(labels, logits) + tf.add_n(model.losses)
    grads = tape.gradient(loss_value, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    train_acc.update_state(labels, logits)
    return loss_value


for epoch in range(args.epochs):
    train_acc.reset_states()
    for images, labels in train_ds:
        loss_value = train_step(images, labels)
    if epoch % 20 == 0:
        print(epoch, float(loss_value), float(train_acc.result()))

# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/layers/my_conv2D.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/utils/trainer.py
# Idiom seen in: hoel-bagard/Classification-TensorFlow2 src/train.py
# What it reproduces: the real repository's bug: a custom MyConv2D layer builds its Conv2D with kernel_regularizer=l2(REG_FACTOR),
#   but the Trainer class trains with a GradientTape whose loss is self.loss_fn(y_true, y_pred) only: model.losses never added.
import time

import tensorflow as tf


class Trainer:
    def __init__(self, model, optimizer, loss_fn, dataset):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.train_dataset = dataset.get_train()
        self.val_dataset = dataset.get_val()
        self.train_loss_metric = tf.keras.metrics.Mean(name='train_loss')
        self.train_acc_metric = tf.keras.metrics.SparseCategoricalAccuracy(name='train_acc')
        self.val_loss_metric = tf.keras.metrics.Mean(name='val_loss')
        self.val_acc_metric = tf.keras.metrics.SparseCategoricalAccuracy(name='val_acc')
        self.steps_per_epoch = dataset.train_dataset_size // dataset.batch_size

    @tf.function
    def train_step(self, x, y_true):
        with tf.GradientTape() as tape:
            y_pred = self.model(x, training=True)
            loss = self.loss_fn(y_true, y_pred)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        self.train_loss_metric.update_state(loss)
        self.train_acc_metric.update_state(y_true, y_pred)

    def train_epoch(self):
        self.train_loss_metric.reset_states()
        self.train_acc_metric.reset_states()
        for step, (x_batch, y_batch) in enumerate(self.train_dataset):
            start = time.time()
            self.train_step(x_batch, y_batch)
            print(f'{step}/{self.steps_per_epoch} - loss: {self.train_loss_metric.result():.5f}'
                  f' - step time: {time.time() - start:.5f}s', end='\r', flush=True)
        return self.train_loss_metric.result(), self.train_acc_metric.result()

    def val_epoch(self):
        self.val_loss_metric.reset_states()
        self.val_acc_metric.reset_states()
        for x, y_true in self.val_dataset:
            y_pred = self.model(x, training=False)
            self.val_loss_metric.update_state(self.loss_fn(y_true, y_pred))
            self.val_acc_metric.update_state(y_true, y_pred)
        return self.val_loss_metric.result(), self.val_acc_metric.result()

# Idiom seen in: repository not resolved by the code index (index file id 6187307: `class train` with a
# tf.function `_deep_learn_(inputs, labels, mode)` whose tape computes `total_loss = pred_loss
# #+ regularization_loss`, plus train/test tf.summary writers)
# What it reproduces: the commented-out regularization idiom, here with the penalty still summed from
# model.losses and written to TensorBoard; the number is logged, but what is differentiated is the plain
# cross-entropy, so the L2 of nets.py never acts (bug).
import datetime

import tensorflow as tf


class Trainer:
    def __init__(self, model_fn, name, log_path="logs", batch_size=512, epochs=24, lr=0.4):
        self.model_fn = model_fn
        self.name = name
        self.batch_size = batch_size
        self.epochs = epochs
        self.optimizer = tf.keras.optimizers.SGD(learning_rate=lr, momentum=0.9, nesterov=True)
        self.lossfunction = tf.keras.losses.SparseCategoricalCrossentropy()
        self.train_loss_metric = tf.keras.metrics.Mean(name="train_loss")
        self.train_accuracy_metric = tf.keras.metrics.SparseCategoricalAccuracy(name="train_accuracy")
        self.test_loss_metric = tf.keras.metrics.Mean(name="test_loss")
        self.test_accuracy_metric = tf.keras.metrics.SparseCategoricalAccuracy(name="test_accuracy")
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        self._log = f"{log_path}/{name}/{stamp}"
        self._train_summary_writer = tf.summary.create_file_writer(self._log + "/train_log")
        self._test_summary_writer = tf.summary.create_file_writer(self._log + "/test_log")
        self._global_step = tf.Variable(0, dtype=tf.int64, trainable=False)
        self._chosen_model_ = self.model_fn()

    @tf.function
    def _deep_learn_(self, inputs, labels, mode):
        with tf.GradientTape() as tape:
            predictions = self._chosen_model_(inputs, training=(mode == "train"))
            regularization_loss = tf.math.add_n(self._chosen_model_.losses)  # expect: WD105
            total_loss = self.lossfunction(labels, predictions)
        if mode == "train":
            gradients = tape.gradient(total_loss, self._chosen_model_.trainable_variables)
            self.optimizer.apply_gradients(zip(gradients, self._chosen_model_.trainable_variables))
            with self._train_summary_writer.as_default():
                tf.summary.scalar("reg_loss", regularization_loss, step=self._global_step)
            self.train_loss_metric.update_state(total_loss)
            self.train_accuracy_metric.update_state(labels, predictions)
        else:
            self.test_loss_metric.update_state(total_loss)
            self.test_accuracy_metric.update_state(labels, predictions)
        return predictions

    def call(self, train_ds, test_ds):
        for epoch in range(self.epochs):
            for m in (self.train_loss_metric, self.train_accuracy_metric,
                      self.test_loss_metric, self.test_accuracy_metric):
                m.reset_states()
            for batch in train_ds.shuffle(50000).batch(self.batch_size).prefetch(4):
                self._global_step.assign_add(1)
                self._deep_learn_(batch["features"], batch["labels"], "train")
            for batch in test_ds.batch(self.batch_size):
                self._deep_learn_(batch["features"], batch["labels"], "test")
            with self._train_summary_writer.as_default():
                tf.summary.scalar("loss", self.train_loss_metric.result(), step=epoch + 1)
                tf.summary.scalar("accuracy", self.train_accuracy_metric.result(), step=epoch + 1)
            with self._test_summary_writer.as_default():
                tf.summary.scalar("loss", self.test_loss_metric.result(), step=epoch + 1)
                tf.summary.scalar("accuracy", self.test_accuracy_metric.result(), step=epoch + 1)
            print("Epoch", epoch + 1, "train", float(self.train_loss_metric.result()),
                  "test acc", float(self.test_accuracy_metric.result()))

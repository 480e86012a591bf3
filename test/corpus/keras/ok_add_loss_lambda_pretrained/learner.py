# Idiom seen in: sbl1996/hanser hanser/train/__init__.py (the loop that consumes its l2_regularizer losses)
# What it reproduces: a small Learner whose tf.function train step adds tf.add_n(model.losses) to the
#   classification loss inside the tape.
# label-note: clean.
import tensorflow as tf


class Learner:
    def __init__(self, model, criterion, optimizer):
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.train_loss = tf.keras.metrics.Mean('loss')

    def _regularization(self):
        losses = self.model.losses
        return tf.add_n(losses) if losses else tf.constant(0.0)

    @tf.function
    def train_batch(self, images, labels):
        with tf.GradientTape() as tape:
            logits = self.model(images, training=True)
            loss = self.criterion(labels, logits) + self._regularization()
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        self.train_loss.update_state(loss)

    def fit(self, dataset, epochs):
        for epoch in range(epochs):
            self.train_loss.reset_states()
            for images, labels in dataset:
                self.train_batch(images, labels)
            print('epoch %d: loss %.4f' % (epoch + 1, self.train_loss.result()))

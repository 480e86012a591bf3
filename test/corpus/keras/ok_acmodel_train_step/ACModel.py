# Idiom seen in: onchipuis/Tests_A-Connect Tensorflow/Scripts/ACModel.py
# What it reproduces: a tf.keras.Sequential subclass overriding train_step; the loss is
#   self.compiled_loss(y, y_pred, regularization_losses=self.losses), so the layers' regularizers stay in the
#   loss even though fit() runs the override. Clean.
import tensorflow as tf


class ACModel(tf.keras.Sequential):

    def train_step(self, data):
        x, y = data

        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)

        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}

# Idiom seen in: bbietzsche/Video-Processing custom_model.py
# What it reproduces: a tf.keras.Model subclass overriding train_step; the loss comes from
#   self.compute_loss(y=..., y_pred=...), which adds the compiled loss and self.losses, so the
#   regularizers of sequence_model.py are trained (clean).
import tensorflow as tf


class CustomModel(tf.keras.Model):
    def train_step(self, data):
        (input_video, input_depth, input_pose), y = data
        with tf.GradientTape() as tape:
            y_pred = self([input_video, input_depth, input_pose], training=True)
            loss = self.compute_loss(y=y, y_pred=y_pred)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(loss)
            else:
                metric.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}

    def test_step(self, data):
        (input_video, input_depth, input_pose), y = data
        y_pred = self([input_video, input_depth, input_pose], training=False)
        loss = self.compute_loss(y=y, y_pred=y_pred)
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(loss)
            else:
                metric.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}

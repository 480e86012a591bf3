# Idiom seen in: MignonDeveloper/pytorch-tutorials 5. Tensorflow_Basics/14. Customizing Model Fit.py
# What it reproduces: the tutorial's CustomFit(keras.Model) wrapper whose train_step computes only
#   self.loss(y, y_pred) under the tape; fit() runs this override, so the wrapped model's regularization
#   losses are never added (the WD103 labels are on the regularizers in model.py).
import tensorflow as tf
from tensorflow import keras


class CustomFit(keras.Model):
    def __init__(self, model):
        super(CustomFit, self).__init__()
        self.model = model
        self.acc_metric = keras.metrics.SparseCategoricalAccuracy(name="accuracy")

    def compile(self, optimizer, loss):
        super(CustomFit, self).compile()
        self.optimizer = optimizer
        self.loss = loss

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self.model(x, training=True)
            loss = self.loss(y, y_pred)
        training_vars = self.trainable_variables
        gradients = tape.gradient(loss, training_vars)
        self.optimizer.apply_gradients(zip(gradients, training_vars))
        self.acc_metric.update_state(y, y_pred)
        return {"loss": loss, "accuracy": self.acc_metric.result()}

    def test_step(self, data):
        x, y = data
        y_pred = self.model(x, training=False)
        loss = self.loss(y, y_pred)
        self.acc_metric.update_state(y, y_pred)
        return {"loss": loss, "accuracy": self.acc_metric.result()}

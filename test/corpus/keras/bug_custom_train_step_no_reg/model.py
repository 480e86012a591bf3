# Idiom seen in: fchollet/deep-learning-with-python-notebooks chapter07_working-with-keras.ipynb
# What it reproduces: the book's "custom training step with fit()": a keras.Model subclass whose
#   train_step computes loss = loss_fn(targets, predictions) with a module-level loss function and a
#   Mean loss tracker. In this variant get_mnist_model puts kernel_regularizer=l2(...) on the Dense
#   layers; because train_step is overridden, fit no longer adds model.losses and the step leaves them out.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

loss_fn = keras.losses.SparseCategoricalCrossentropy()
loss_tracker = keras.metrics.Mean(name="loss")


class CustomModel(keras.Model):
    def train_step(self, data):
        inputs, targets = data
        with tf.GradientTape() as tape:
            predictions = self(inputs, training=True)
            loss = loss_fn(targets, predictions)
        gradients = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_weights))
        loss_tracker.update_state(loss)
        return {"loss": loss_tracker.result()}

    @property
    def metrics(self):
        return [loss_tracker]


def get_mnist_model(weight_decay=1e-4):
    inputs = keras.Input(shape=(28 * 28,))
    features = layers.Dense(512, activation="relu",
                            kernel_regularizer=keras.regularizers.l2(weight_decay))(inputs)  # expect: WD103
    features = layers.Dropout(0.5)(features)
    outputs = layers.Dense(10, activation="softmax",
                           kernel_regularizer=keras.regularizers.l2(weight_decay))(features)  # expect: WD103
    return CustomModel(inputs, outputs)

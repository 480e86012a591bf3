# Idiom seen in: jcisarano/tensorflow_practice handson/12_custom_models_and_training_tf/custom_models.py
# What it reproduces: the chapter-12 pattern of a layer calling self.add_loss(...) in call(), used here for a weight
#   penalty on a custom dense layer's kernel; the model is trained in a custom tf.function loop whose loss is the MSE
#   alone, so the add_loss term in model.losses is never differentiated (WD103 at the add_loss call).
import numpy as np
import tensorflow as tf
from tensorflow import keras

from helper_functions import load_and_prep_data

WEIGHT_DECAY = 1e-3


class DecayedDense(keras.layers.Layer):
    def __init__(self, units, activation=None, weight_decay=0.0, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)
        self.weight_decay = weight_decay

    def build(self, batch_input_shape):
        self.kernel = self.add_weight(name="kernel", shape=[batch_input_shape[-1], self.units],
                                      initializer="glorot_normal")
        self.bias = self.add_weight(name="bias", shape=[self.units], initializer="zeros")
        super().build(batch_input_shape)

    def call(self, X):
        self.add_loss(self.weight_decay * tf.reduce_sum(tf.square(self.kernel)))  # expect: WD103
        return self.activation(X @ self.kernel + self.bias)


class Regressor(keras.Model):
    def __init__(self, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.hidden = [DecayedDense(30, activation="selu", weight_decay=WEIGHT_DECAY) for _ in range(3)]
        self.out = DecayedDense(output_dim, weight_decay=WEIGHT_DECAY)

    def call(self, inputs):
        Z = inputs
        for layer in self.hidden:
            Z = layer(Z)
        return self.out(Z)


model = Regressor(1)
optimizer = keras.optimizers.Nadam(learning_rate=0.01)
loss_fn = keras.losses.MeanSquaredError()


@tf.function
def train_step(X_batch, y_batch):
    with tf.GradientTape() as tape:
        y_pred = model(X_batch, training=True)
        loss = loss_fn(y_batch, y_pred)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


def run(n_epochs=5, batch_size=32):
    X_train, X_valid, X_test, y_train, y_valid, y_test = load_and_prep_data()
    ds = tf.data.Dataset.from_tensor_slices((X_train.astype(np.float32), y_train.astype(np.float32)))
    ds = ds.shuffle(len(X_train)).batch(batch_size)
    for epoch in range(n_epochs):
        losses = [train_step(X_batch, y_batch) for X_batch, y_batch in ds]
        print("epoch", epoch, float(tf.reduce_mean(losses)))


if __name__ == "__main__":
    run()

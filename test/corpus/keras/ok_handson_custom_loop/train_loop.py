# Idiom seen in: jcisarano/tensorflow_practice handson/12_custom_models_and_training_tf/custom_models.py
# What it reproduces: Geron's custom training loop for the regressor of model.py: loss = tf.add_n([main_loss] +
#   model.losses) inside the tape, and that loss is the one differentiated. Clean.
import numpy as np
import tensorflow as tf
from tensorflow import keras

from helper_functions import load_and_prep_data
from model import ResidualRegressor


def random_batch(X, y, batch_size=32):
    idx = np.random.randint(len(X), size=batch_size)
    return X[idx], y[idx]


def train(model, X_train, y_train, n_epochs=5, batch_size=32):
    optimizer = keras.optimizers.Nadam(learning_rate=0.01)
    loss_fn = keras.losses.mean_squared_error
    mean_loss = keras.metrics.Mean()
    n_steps = len(X_train) // batch_size
    for epoch in range(1, n_epochs + 1):
        for step in range(1, n_steps + 1):
            X_batch, y_batch = random_batch(X_train, y_train, batch_size)
            with tf.GradientTape() as tape:
                y_pred = model(X_batch, training=True)
                main_loss = tf.reduce_mean(loss_fn(y_batch, y_pred))
                loss = tf.add_n([main_loss] + model.losses)
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            mean_loss(loss)
        print("epoch", epoch, "loss", mean_loss.result().numpy())
        mean_loss.reset_states()


if __name__ == "__main__":
    X_train, X_valid, X_test, y_train, y_valid, y_test = load_and_prep_data()
    train(ResidualRegressor(1), X_train, y_train)

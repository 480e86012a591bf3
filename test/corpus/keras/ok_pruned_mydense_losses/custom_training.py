# Idiom seen in: tusharganguli/PrunedNetwork custom_training.py
# What it reproduces: create_model() with cl.MyDense, random_batch(), and the repository's loop
#   where the tape's loss is tf.add_n([main_loss] + model.losses), the loss that tape.gradient
#   differentiates. Clean.
import numpy as np
import tensorflow as tf
from tensorflow import keras

import custom_layer as cl


def create_model():
    input_layer = keras.Input(shape=(28, 28), name="input")
    flatten = keras.layers.Flatten(name="flatten")(input_layer)
    hidden = cl.MyDense(100, activation=tf.nn.relu, l2=1e-4, name="dense")(flatten)
    output_layer = keras.layers.Dense(10, activation=tf.nn.softmax, name="output")(hidden)
    return keras.models.Model(inputs=input_layer, outputs=output_layer)


def random_batch(X, y, batch_size=32):
    idx = np.random.randint(len(X), size=batch_size)
    return X[idx], y[idx]


def custom_training(train_images, train_labels, n_epochs=5, batch_size=32):
    model = create_model()
    n_steps = len(train_images) // batch_size
    optimizer = keras.optimizers.Nadam(learning_rate=0.01)
    loss_fn = keras.losses.mean_squared_error
    mean_loss = keras.metrics.Mean()
    for epoch in range(1, n_epochs + 1):
        print("Epoch {}/{}".format(epoch, n_epochs))
        for step in range(1, n_steps + 1):
            X_batch, y_batch = random_batch(train_images, train_labels, batch_size)
            y_batch = tf.one_hot(y_batch, 10)
            with tf.GradientTape() as tape:
                y_pred = model(X_batch, training=True)
                main_loss = tf.reduce_mean(loss_fn(y_batch, y_pred))
                loss = tf.add_n([main_loss] + model.losses)
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            mean_loss(loss)
        print("loss", float(mean_loss.result()))
    return model


if __name__ == "__main__":
    (x, y), _ = keras.datasets.mnist.load_data()
    custom_training(x.astype(np.float32) / 255.0, y)

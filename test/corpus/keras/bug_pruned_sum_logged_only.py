# Idiom seen in: tusharganguli/PrunedNetwork custom_training.py
# What it reproduces: the repository's loop shape (tf.add_n([main_loss] + model.losses) inside
#   the tape), edited so that tape.gradient takes main_loss while the regularized sum only feeds
#   the Mean metric: the sum exists but is not what the optimizer minimizes.
#   The repository differentiates the sum; this is a realistic user mistake in its idiom.
import numpy as np
import tensorflow as tf
from tensorflow import keras


def create_model(l2=1e-4):
    input_layer = keras.Input(shape=(28, 28), name="input")
    flatten = keras.layers.Flatten(name="flatten")(input_layer)
    hidden = keras.layers.Dense(300, activation="relu", kernel_regularizer=keras.regularizers.l2(l2),
                                name="dense")(flatten)
    output_layer = keras.layers.Dense(10, activation="softmax", name="output")(hidden)
    return keras.models.Model(inputs=input_layer, outputs=output_layer)


def random_batch(X, y, batch_size=32):
    idx = np.random.randint(len(X), size=batch_size)
    return X[idx], y[idx]


def custom_training(train_images, train_labels, n_epochs=5, batch_size=32):
    model = create_model()
    n_steps = len(train_images) // batch_size
    optimizer = keras.optimizers.Nadam(learning_rate=0.001)
    loss_fn = keras.losses.sparse_categorical_crossentropy
    mean_loss = keras.metrics.Mean()
    for epoch in range(1, n_epochs + 1):
        for step in range(1, n_steps + 1):
            X_batch, y_batch = random_batch(train_images, train_labels, batch_size)
            with tf.GradientTape() as tape:
                y_pred = model(X_batch, training=True)
                main_loss = tf.reduce_mean(loss_fn(y_batch, y_pred))
                loss = tf.add_n([main_loss] + model.losses)  # expect: WD105
            gradients = tape.gradient(main_loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            mean_loss(loss)
        print("{}/{} - {}".format(epoch, n_epochs, mean_loss.result()))
    return model


if __name__ == "__main__":
    (x, y), _ = keras.datasets.mnist.load_data()
    custom_training(x.astype(np.float32) / 255.0, y)

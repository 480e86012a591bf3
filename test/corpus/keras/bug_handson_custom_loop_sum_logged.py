# Idiom seen in: jcisarano/tensorflow_practice handson/11_training_deep_nn/regularization.py
# Idiom seen in: jcisarano/tensorflow_practice handson/12_custom_models_and_training_tf/custom_models.py
# What it reproduces: Geron's chapter-12 custom loop (main_loss, loss = tf.add_n([main_loss] + model.losses), a
#   Mean metric) on the regularized Dense model; a user's mistake: the tape differentiates main_loss and the total with
#   model.losses only feeds the progress metric (WD105 at the sum).
import numpy as np
import tensorflow as tf
from tensorflow import keras

from helper_functions import load_and_prep_data

l2_reg = keras.regularizers.l2(0.05)
model = keras.models.Sequential([
    keras.layers.Dense(30, activation="elu", kernel_initializer="he_normal",
                       kernel_regularizer=l2_reg),
    keras.layers.Dense(1, kernel_regularizer=l2_reg),
])


def random_batch(X, y, batch_size=32):
    idx = np.random.randint(len(X), size=batch_size)
    return X[idx], y[idx]


def run():
    X_train, X_valid, X_test, y_train, y_valid, y_test = load_and_prep_data()
    n_epochs = 5
    batch_size = 32
    n_steps = len(X_train) // batch_size
    optimizer = keras.optimizers.Nadam(learning_rate=0.01)
    loss_fn = keras.losses.mean_squared_error
    mean_loss = keras.metrics.Mean()

    for epoch in range(1, n_epochs + 1):
        print("Epoch {}/{}".format(epoch, n_epochs))
        for step in range(1, n_steps + 1):
            X_batch, y_batch = random_batch(X_train, y_train, batch_size)
            with tf.GradientTape() as tape:
                y_pred = model(X_batch, training=True)
                main_loss = tf.reduce_mean(loss_fn(y_batch, y_pred))
                loss = tf.add_n([main_loss] + model.losses)  # expect: WD105
            gradients = tape.gradient(main_loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            mean_loss(loss)
        print("loss:", mean_loss.result().numpy())
        mean_loss.reset_states()


if __name__ == "__main__":
    run()

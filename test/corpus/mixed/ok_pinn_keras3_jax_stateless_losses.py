# Idiom seen in: fergusmeiklejohn/neural_networks_research models/test_time_adaptation/base_tta_jax_v2.py
# Idiom seen in: fergusmeiklejohn/neural_networks_research archive/pre_ood_illusion_discovery/pinn_experiments/train_pinn_scaled.py
# What it reproduces: a Keras 3 model on the JAX backend trained in a hand-written loop (stateless_call +
#   jax.value_and_grad + optimizer.stateless_apply); the Dense layers' kernel_regularizer terms come back from
#   stateless_call(return_losses=True) and are summed into the differentiated loss; plain Adam. Clean.
import os

os.environ["KERAS_BACKEND"] = "jax"

import jax
import jax.numpy as jnp
import keras
import numpy as np
from keras import layers, ops, regularizers

from physics_worlds.data import load_trajectories

L2 = 1e-5
PHYSICS_WEIGHT = 0.1


def build_pinn(seq_len=49, n_features=8, hidden_dim=256):
    inputs = keras.Input(shape=(seq_len, n_features))
    x = layers.Dense(hidden_dim, activation="gelu", kernel_regularizer=regularizers.l2(L2))(inputs)
    for _ in range(4):
        h = layers.LayerNormalization()(x)
        h = layers.Dense(hidden_dim, activation="gelu", kernel_regularizer=regularizers.l2(L2))(h)
        x = layers.Add()([x, h])
    outputs = layers.Dense(n_features, kernel_regularizer=regularizers.l2(L2))(x)
    return keras.Model(inputs, outputs, name="pinn")


def physics_residual(y_pred, dt=1.0 / 30.0, gravity=-9.8):
    vy = y_pred[..., 3]
    ay = (vy[:, 1:] - vy[:, :-1]) / dt
    return jnp.mean((ay - gravity) ** 2)


model = build_pinn()
optimizer = keras.optimizers.Adam(learning_rate=1e-3)
optimizer.build(model.trainable_variables)


def compute_loss_and_updates(trainable_variables, non_trainable_variables, x, y):
    y_pred, non_trainable_variables, losses = model.stateless_call(
        trainable_variables, non_trainable_variables, x, training=True, return_losses=True
    )
    mse = jnp.mean((y_pred - y) ** 2)
    loss = mse + PHYSICS_WEIGHT * physics_residual(y_pred) + sum(losses)
    return loss, (non_trainable_variables, mse)


grad_fn = jax.value_and_grad(compute_loss_and_updates, has_aux=True)


@jax.jit
def train_step(state, x, y):
    trainable_variables, non_trainable_variables, optimizer_variables = state
    (loss, (non_trainable_variables, mse)), grads = grad_fn(trainable_variables, non_trainable_variables, x, y)
    trainable_variables, optimizer_variables = optimizer.stateless_apply(optimizer_variables, grads, trainable_variables)
    return loss, mse, (trainable_variables, non_trainable_variables, optimizer_variables)


def main(epochs=100, batch_size=32):
    X, Y = load_trajectories("data/earth_gravity.npz")
    state = (
        [v.value for v in model.trainable_variables],
        [v.value for v in model.non_trainable_variables],
        [v.value for v in optimizer.variables],
    )
    for epoch in range(epochs):
        idx = np.random.permutation(len(X))
        for i in range(0, len(idx), batch_size):
            b = idx[i:i + batch_size]
            loss, mse, state = train_step(state, X[b], Y[b])
        print(f"epoch {epoch + 1}: loss={float(loss):.4f} mse={float(mse):.4f}")

    trainable_variables, non_trainable_variables, _ = state
    for variable, value in zip(model.trainable_variables, trainable_variables):
        variable.assign(value)
    for variable, value in zip(model.non_trainable_variables, non_trainable_variables):
        variable.assign(value)
    model.save("pinn_keras3_jax.keras")


if __name__ == "__main__":
    main()

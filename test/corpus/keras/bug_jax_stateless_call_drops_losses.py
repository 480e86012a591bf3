# Idiom seen in: markliou/DockerhubAutobuildZone dl-container/GPU/keras_jax.py
# What it reproduces: Keras 3 on the JAX backend with a hand-written jitted loop: compute_loss_and_updates
#   calls model.stateless_call(...) without return_losses=True, so the l2 kernel regularizers of the model
#   (added through the dense_block helper) never enter the differentiated loss. fit() would have added them.
# label-note: WD103 on the regularizer argument of the helper-built layers. Adam without weight_decay (no WD202).
import argparse
import os

os.environ["KERAS_BACKEND"] = "jax"

import jax
import keras
import numpy as np

from input_pipeline import make_datasets  # tf.data pipeline, not part of this workspace


def dense_block(x, units, l2):
    return keras.layers.Dense(units, activation="relu",
                              kernel_regularizer=keras.regularizers.L2(l2))(x)  # expect: WD103


def get_model(l2, num_classes=10):
    inputs = keras.Input(shape=(784,), name="digits")
    x = dense_block(inputs, 256, l2)
    x = dense_block(x, 256, l2)
    outputs = keras.layers.Dense(num_classes, name="predictions")(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def main(args):
    model = get_model(args.l2)
    loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)
    optimizer = keras.optimizers.Adam(learning_rate=args.lr)
    optimizer.build(model.trainable_variables)

    def compute_loss_and_updates(trainable_variables, non_trainable_variables, x, y):
        y_pred, non_trainable_variables = model.stateless_call(
            trainable_variables, non_trainable_variables, x, training=True
        )
        loss = loss_fn(y, y_pred)
        return loss, non_trainable_variables

    grad_fn = jax.value_and_grad(compute_loss_and_updates, has_aux=True)

    @jax.jit
    def train_step(state, data):
        trainable_variables, non_trainable_variables, optimizer_variables = state
        x, y = data
        (loss, non_trainable_variables), grads = grad_fn(trainable_variables, non_trainable_variables, x, y)
        trainable_variables, optimizer_variables = optimizer.stateless_apply(
            optimizer_variables, grads, trainable_variables
        )
        return loss, (trainable_variables, non_trainable_variables, optimizer_variables)

    train_dataset, _ = make_datasets(args.batch_size)
    state = ([v.value for v in model.trainable_variables],
             [v.value for v in model.non_trainable_variables],
             optimizer.variables)
    for step, data in enumerate(train_dataset):
        data = (data[0].numpy(), data[1].numpy())
        loss, state = train_step(state, data)
        if step % 100 == 0:
            print(f"step {step}: loss {float(loss):.4f}")

    trainable_variables, non_trainable_variables, optimizer_variables = state
    for variable, value in zip(model.trainable_variables, trainable_variables):
        variable.assign(value)
    for variable, value in zip(model.non_trainable_variables, non_trainable_variables):
        variable.assign(value)
    model.save(args.out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--batch_size", type=int, default=32)
    parser.add_argument("--out", default="mlp.keras")
    main(parser.parse_args())

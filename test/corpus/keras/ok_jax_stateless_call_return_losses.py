# Idiom seen in: keras-team/keras keras/src/backend/jax/trainer.py (compute_loss_and_updates)
# What it reproduces: a hand-written jitted JAX loop for a Keras 3 model that mirrors what fit() does:
#   stateless_call(..., return_losses=True) returns the model's losses (here the l2 kernel regularizers,
#   evaluated on the traced trainable values) and they are summed into the differentiated loss.
# label-note: clean. The regularizers reach the loss; SGD with momentum and no weight_decay.
import os

os.environ["KERAS_BACKEND"] = "jax"

import jax
import keras
from absl import app, flags
from keras import layers, ops, regularizers

from cifar_input import train_batches  # numpy batch iterator, not part of this workspace

FLAGS = flags.FLAGS
flags.DEFINE_float("lr", 0.05, "learning rate")
flags.DEFINE_float("l2", 5e-4, "l2 on conv/dense kernels")
flags.DEFINE_integer("steps", 20000, "training steps")


def conv_bn(x, filters, l2, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False,
                      kernel_regularizer=regularizers.L2(l2))(x)
    return layers.ReLU()(layers.BatchNormalization()(x))


def build_model(l2, num_classes=10):
    inputs = keras.Input((32, 32, 3))
    x = conv_bn(inputs, 64, l2)
    for filters in (128, 256, 512):
        x = conv_bn(conv_bn(x, filters, l2, strides=2), filters, l2)
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(num_classes, kernel_regularizer=regularizers.L2(l2))(x))


def main(_):
    model = build_model(FLAGS.l2)
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = keras.optimizers.SGD(learning_rate=FLAGS.lr, momentum=0.9, nesterov=True)
    optimizer.build(model.trainable_variables)

    def compute_loss_and_updates(trainable_variables, non_trainable_variables, x, y):
        y_pred, non_trainable_variables, losses = model.stateless_call(
            trainable_variables, non_trainable_variables, x, training=True, return_losses=True
        )
        loss = loss_fn(y, y_pred)
        if losses:
            loss += ops.sum(losses)
        return loss, non_trainable_variables

    grad_fn = jax.value_and_grad(compute_loss_and_updates, has_aux=True)

    @jax.jit
    def train_step(state, x, y):
        trainable_variables, non_trainable_variables, optimizer_variables = state
        (loss, non_trainable_variables), grads = grad_fn(trainable_variables, non_trainable_variables, x, y)
        trainable_variables, optimizer_variables = optimizer.stateless_apply(
            optimizer_variables, grads, trainable_variables
        )
        return loss, (trainable_variables, non_trainable_variables, optimizer_variables)

    state = ([v.value for v in model.trainable_variables],
             [v.value for v in model.non_trainable_variables],
             optimizer.variables)
    for step, (x, y) in zip(range(FLAGS.steps), train_batches(batch_size=128)):
        loss, state = train_step(state, x, y)
        if step % 500 == 0:
            print("step", step, "loss", float(loss))

    for variable, value in zip(model.trainable_variables + model.non_trainable_variables, state[0] + state[1]):
        variable.assign(value)


if __name__ == "__main__":
    app.run(main)

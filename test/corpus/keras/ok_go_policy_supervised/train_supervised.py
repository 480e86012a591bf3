# Idiom seen in: p3achyjr/p3achygo (its early supervised training script: `@tf.function def train_step(input,
# policy, model, optimizer, loss_fn)` with regularization_loss = tf.math.add_n(model.losses))
# What it reproduces: a tf.function train_step that takes the model and optimizer as arguments and minimizes
# training_loss + tf.math.add_n(model.losses); the step-decayed SGD has no weight_decay, so the L2 of
# go_model.py is applied exactly once (clean).
import time

import tensorflow as tf
import tensorflow_datasets as tfds
from absl import app, flags

from go_model import P3achyGoModel
from board import GoBoardTrainingUtils  # board encoding of the project, not in this folder

FLAGS = flags.FLAGS
flags.DEFINE_integer("batch_size", 256, "Batch size.")
flags.DEFINE_integer("epochs", 5, "Passes over the professional-games dataset.")
flags.DEFINE_float("learning_rate", 0.05, "Initial learning rate.")
flags.DEFINE_string("save_path", "/tmp/p3achygo", "Where to save the model.")

LEARNING_RATE_INTERVAL = 200000
LOG_INTERVAL = 100


@tf.function
def train_step(input, policy, model, optimizer, loss_fn):
    with tf.GradientTape() as g:
        preds = model(input, training=True)
        training_loss = loss_fn(policy, preds)
        regularization_loss = tf.math.add_n(model.losses)
        loss = training_loss + regularization_loss

    gradients = g.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return preds, loss


def main(_):
    ds = tfds.load("badukmovies", split="train", shuffle_files=True)
    ds = ds.map(GoBoardTrainingUtils.to_features).batch(FLAGS.batch_size).prefetch(tf.data.AUTOTUNE)

    model = P3achyGoModel()
    boundaries = [LEARNING_RATE_INTERVAL * i for i in range(1, 4)]
    values = [FLAGS.learning_rate / (10 ** i) for i in range(4)]
    lr = tf.keras.optimizers.schedules.PiecewiseConstantDecay(boundaries, values)
    optimizer = tf.keras.optimizers.SGD(learning_rate=lr, momentum=0.9)
    loss_fn = tf.keras.losses.CategoricalCrossentropy(from_logits=True)

    step, start = 0, time.time()
    for epoch in range(FLAGS.epochs):
        for board, policy in ds:
            _, loss = train_step(board, policy, model, optimizer, loss_fn)
            if step % LOG_INTERVAL == 0:
                print(f"epoch {epoch} step {step} loss {float(loss):.4f} ({time.time() - start:.0f}s)")
            step += 1

    model.save(FLAGS.save_path)


if __name__ == "__main__":
    app.run(main)

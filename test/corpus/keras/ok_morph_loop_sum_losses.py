# Idiom seen in: jk983294/morph book/tensorflow/keras_demo/custom_fit/custom_train3_with_added_loss.py
# What it reproduces: a functional Keras model trained in a @tf.function GradientTape loop that adds sum(model.losses)
#   to the loss inside the tape; here the Dense layers carry kernel_regularizer=l2, so the decay is trained. Clean.
import time

import numpy as np
import tensorflow as tf
import tensorflow.keras.layers as layers

from datasets import load_credit_default


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss_value = loss_fn(y, logits)
        # Add any extra losses created during the forward pass.
        loss_value += sum(model.losses)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    train_acc_metric.update_state(y, logits)
    return loss_value


@tf.function
def test_step(x, y):
    val_logits = model(x, training=False)
    val_acc_metric.update_state(y, val_logits)


if __name__ == '__main__':
    (x_train, y_train), (x_val, y_val) = load_credit_default()
    inputs = tf.keras.Input(shape=(x_train.shape[1],), name="features")
    x = layers.Dense(64, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(1e-4))(inputs)
    x = layers.Dense(64, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(1e-4))(x)
    outputs = layers.Dense(2, name="predictions")(x)
    model = tf.keras.Model(inputs=inputs, outputs=outputs)

    optimizer = tf.keras.optimizers.SGD(learning_rate=1e-3)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    train_acc_metric = tf.keras.metrics.SparseCategoricalAccuracy()
    val_acc_metric = tf.keras.metrics.SparseCategoricalAccuracy()

    train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1024).batch(64)
    val_dataset = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(64)

    for epoch in range(10):
        start_time = time.time()
        for step, (xb, yb) in enumerate(train_dataset):
            loss_value = train_step(xb, yb)
            if step % 200 == 0:
                print("step %d loss %.4f" % (step, float(loss_value)))
        print("train acc %.4f" % float(train_acc_metric.result()))
        train_acc_metric.reset_states()
        for xb, yb in val_dataset:
            test_step(xb, yb)
        print("val acc %.4f (%.2fs)" % (float(val_acc_metric.result()), time.time() - start_time))
        val_acc_metric.reset_states()

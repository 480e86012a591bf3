# Idiom seen in: piginzoo/kerastoy train/custom_train.py
# What it reproduces: a Keras MLP with l2 kernel regularizers trained in a GradientTape loop whose loss adds
# sum(model.losses) inside the tape, so the regularization terms are differentiated (clean).
import argparse

import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, regularizers

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=5)
parser.add_argument('--batch', type=int, default=64)
parser.add_argument('--l2', type=float, default=1e-4)
args = parser.parse_args()


def build_model(l2):
    inputs = tf.keras.Input(shape=(784,), name='digits')
    x = layers.Dense(64, activation='relu', kernel_regularizer=regularizers.l2(l2), name='dense_1')(inputs)
    x = layers.Dense(64, activation='relu', kernel_regularizer=regularizers.l2(l2), name='dense_2')(x)
    outputs = layers.Dense(10, name='predictions')(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs)


model = build_model(args.l2)
optimizer = tf.keras.optimizers.SGD(learning_rate=1e-2)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
train_acc_metric = tf.keras.metrics.SparseCategoricalAccuracy()

(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()
x_train = np.reshape(x_train, (-1, 784)).astype('float32') / 255.
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1024).batch(args.batch)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss_value = loss_fn(y, logits)
        loss_value += sum(model.losses)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    train_acc_metric.update_state(y, logits)
    return loss_value


for epoch in range(args.epochs):
    for step, (x_batch_train, y_batch_train) in enumerate(train_dataset):
        loss_value = train_step(x_batch_train, y_batch_train)
        if step % 200 == 0:
            print('epoch %d step %d: loss %.4f' % (epoch, step, float(loss_value)))
    print('Training acc over epoch: %.4f' % (float(train_acc_metric.result()),))
    train_acc_metric.reset_states()

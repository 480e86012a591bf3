# Idiom seen in: TH3CHARLie/deep-high-dynamic-range ref.py
# What it reproduces: the Keras-guide custom training loop (GradientTape, loss_fn, apply_gradients) run on
#   the regularized model from model.py; a user mistake in that idiom: the loss is loss_fn(y, logits) only,
#   model.losses is never added (findings reported in model.py).
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

from model import build_mlp

parser = argparse.ArgumentParser()
parser.add_argument('--weight_decay', type=float, default=1e-4)
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--epochs', type=int, default=3)
args = parser.parse_args()

model = build_mlp(weight_decay=args.weight_decay)
optimizer = keras.optimizers.SGD(learning_rate=args.lr)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train = np.reshape(x_train, (-1, 784)).astype('float32') / 255.0
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1024).batch(64)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss_value = loss_fn(y, logits)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    return loss_value


for epoch in range(args.epochs):
    for step, (x_batch, y_batch) in enumerate(train_dataset):
        loss_value = train_step(x_batch, y_batch)
        if step % 200 == 0:
            print('epoch %d step %d loss %.4f' % (epoch, step, float(loss_value)))

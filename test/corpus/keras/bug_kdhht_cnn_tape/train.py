# Idiom seen in: kdhht2334/Tensorflow-keras-tutorial 2. Generative_model/3. WGAN-GP.py
# Idiom seen in: kdhht2334/Tensorflow-keras-tutorial 1. Discriminative_model/python_src/2.cifar10_cnn.py
# What it reproduces: the CNN trained in a GradientTape step (the tutorial's GAN-style custom loop) where the
#   regularization losses are summed into total_loss, but the tape differentiates the bare cross entropy and
#   total_loss only feeds the logged metric: the sum reaches no optimizer (WD105 on the sum).
import numpy as np
import tensorflow as tf

from model import build_cnn

BATCH_SIZE = 64
EPOCHS = 10

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
x_train = x_train.astype(np.float32) / 255.
y_train = y_train.astype(np.int64)

dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(BATCH_SIZE)

model = build_cnn()
optimizer = tf.keras.optimizers.RMSprop(learning_rate=1e-3)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
train_loss = tf.keras.metrics.Mean(name="train_loss")


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        loss = loss_fn(labels, logits)
        reg_loss = tf.add_n(model.losses)  # expect: WD105
        total_loss = loss + reg_loss
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_loss(total_loss)


for epoch in range(EPOCHS):
    train_loss.reset_states()
    for images, labels in dataset:
        train_step(images, labels)
    print("Epoch #{}\tLoss: {:.4f}".format(epoch + 1, train_loss.result()))

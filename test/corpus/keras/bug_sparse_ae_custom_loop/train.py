# Idiom seen in: guangxush/AutoEncoders Regularizers.py
# What it reproduces: the Keras-blog sparse autoencoder (Dense encoding layer with activity_regularizer=l1,
#   here also an l2 kernel_regularizer) rebuilt in tf.keras and trained in a GradientTape loop whose loss is
#   only the binary cross entropy: model.losses (sparsity and weight penalty) is never added.
import numpy as np
import tensorflow as tf
from tensorflow.keras.datasets import mnist

from model import build_sparse_autoencoder

(x_train, _), (x_test, _) = mnist.load_data()
x_train = x_train.astype('float32').reshape((len(x_train), -1)) / 255.
x_test = x_test.astype('float32').reshape((len(x_test), -1)) / 255.

autoencoder, encoder = build_sparse_autoencoder(input_dim=x_train.shape[1])
optimizer = tf.keras.optimizers.Adadelta(learning_rate=1.0)
bce = tf.keras.losses.BinaryCrossentropy()
dataset = tf.data.Dataset.from_tensor_slices(x_train).shuffle(60000).batch(256)


@tf.function
def train_step(batch):
    with tf.GradientTape() as tape:
        recon = autoencoder(batch, training=True)
        loss = bce(batch, recon)
    grads = tape.gradient(loss, autoencoder.trainable_variables)
    optimizer.apply_gradients(zip(grads, autoencoder.trainable_variables))
    return loss


for epoch in range(100):
    for batch in dataset:
        loss = train_step(batch)
    print('epoch', epoch, 'loss', float(loss))

codes = encoder.predict(x_test)
print('mean activation of the code:', np.mean(codes))

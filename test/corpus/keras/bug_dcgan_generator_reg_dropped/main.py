# Idiom seen in: zanemcca/dcgans src/main.py
# What it reproduces: the driver: MNIST scaled to [-1, 1], a shuffled batched tf.data pipeline, train().
import tensorflow as tf

from train import train

BUFFER_SIZE = 60000
BATCH_SIZE = 256
EPOCHS = 150
NOISE_DIM = 100

(train_images, train_labels), (_, _) = tf.keras.datasets.mnist.load_data()
train_images = train_images.reshape(train_images.shape[0], 28, 28, 1).astype('float32')
train_images = (train_images - 127.5) / 127.5
train_dataset = tf.data.Dataset.from_tensor_slices(train_images).shuffle(BUFFER_SIZE).batch(
    BATCH_SIZE, drop_remainder=True)

train(train_dataset, EPOCHS, BATCH_SIZE, NOISE_DIM)

# Idiom seen in: ryancheunggit/tensorflow2_model_zoo cifar10_cnn.py
# What it reproduces: the model-zoo CIFAR-10 CNN trained in a @tf.function GradientTape loop, with decoupled decay done the
#   intended way: Keras AdamW(weight_decay=...) with one exclude_from_weight_decay(var_names=[...]) call that keeps the
#   BatchNorm gamma/beta and the classifier bias out, and no explicit penalty in the loss: clean.
import argparse
from datetime import datetime

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

BATCH_SIZE = 64
NUM_CLASS = 10
NUM_EPOCHS = 50
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 0.05


class ConvBlock(keras.Model):
    def __init__(self, out_channels):
        super(ConvBlock, self).__init__()
        self.conv1 = layers.Conv2D(out_channels, (3, 3), padding='same', use_bias=False)
        self.conv2 = layers.Conv2D(out_channels, (3, 3), padding='same', use_bias=False)
        self.bn1 = layers.BatchNormalization()
        self.bn2 = layers.BatchNormalization()
        self.pooling = layers.AveragePooling2D(pool_size=(2, 2))

    def call(self, x, training=False):
        x = keras.activations.relu(self.bn1(self.conv1(x), training=training))
        x = keras.activations.relu(self.bn2(self.conv2(x), training=training))
        return self.pooling(x)


class CNN(keras.Model):
    def __init__(self, sizes=(32, 64, 128), num_class=NUM_CLASS):
        super(CNN, self).__init__()
        self.blocks = [ConvBlock(size) for size in sizes]
        self.pool = layers.GlobalAveragePooling2D()
        self.classifier = layers.Dense(num_class)

    def call(self, x, training=False):
        for block in self.blocks:
            x = block(x, training=training)
        return self.classifier(self.pool(x))


def train(verbose=0):
    (x_train, y_train), (x_valid, y_valid) = keras.datasets.cifar10.load_data()
    train_ds = tf.data.Dataset.from_tensor_slices(
        (x_train.astype('float32') / 255.0, y_train)).shuffle(50000).batch(BATCH_SIZE)
    valid_ds = tf.data.Dataset.from_tensor_slices(
        (x_valid.astype('float32') / 255.0, y_valid)).batch(BATCH_SIZE)

    model = CNN()
    criterion = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = keras.optimizers.AdamW(learning_rate=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    optimizer.exclude_from_weight_decay(var_names=['gamma', 'beta', 'bias'])
    train_loss = keras.metrics.Mean()
    valid_acc = keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(x_batch, y_batch):
        with tf.GradientTape() as tape:
            loss = criterion(y_batch, model(x_batch, training=True))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        train_loss(loss)

    @tf.function
    def valid_step(x_batch, y_batch):
        valid_acc(y_batch, model(x_batch, training=False))

    for epoch in range(NUM_EPOCHS):
        t0 = datetime.now()
        for x_batch, y_batch in train_ds:
            train_step(x_batch, y_batch)
        for x_batch, y_batch in valid_ds:
            valid_step(x_batch, y_batch)
        if verbose:
            print('epoch {:>3} {} s loss {:.4f} valid acc {:4.2f}%'.format(
                epoch + 1, (datetime.now() - t0).seconds, train_loss.result(), valid_acc.result() * 100))
        train_loss.reset_states()
        valid_acc.reset_states()
    return model


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--verbose', type=int, default=1)
    train(parser.parse_args().verbose)

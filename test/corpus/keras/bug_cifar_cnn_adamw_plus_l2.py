# Idiom seen in: ryancheunggit/tensorflow2_model_zoo cifar10_cnn.py
# What it reproduces: the model-zoo CIFAR-10 CNN (subclassed ConvBlock/MaxAvgPool/CNN, @tf.function train_step with a
#   GradientTape); a realistic mistake: decay is added twice, an explicit L2 penalty on model.trainable_variables in the loss
#   and Keras AdamW(weight_decay=...) on the same variables (WD201), and AdamW also decays the BatchNorm scales/offsets (WD203).
import argparse
import os
from datetime import datetime

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

BATCH_SIZE = 32
NUM_CLASS = 10
NUM_EPOCHS = 50
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 1e-4
MODEL_FILE = 'models/cifar10_cnn/model'


class ConvBlock(keras.Model):
    """(Conv - BN - ReLU) * 2 -> average pooling."""

    def __init__(self, out_channels):
        super(ConvBlock, self).__init__()
        self.conv1 = layers.Conv2D(filters=out_channels, kernel_size=(3, 3), use_bias=False)
        self.conv2 = layers.Conv2D(filters=out_channels, kernel_size=(3, 3), use_bias=False)
        self.bn1 = layers.BatchNormalization()
        self.bn2 = layers.BatchNormalization()
        self.pooling = layers.AveragePooling2D(pool_size=(2, 2))

    def call(self, x, training=False):
        x = keras.activations.relu(self.bn1(self.conv1(x), training=training))
        x = keras.activations.relu(self.bn2(self.conv2(x), training=training))
        return self.pooling(x)


class MaxAvgPool(keras.Model):
    def __init__(self):
        super(MaxAvgPool, self).__init__()
        self.max_pool = layers.GlobalMaxPooling2D()
        self.avg_pool = layers.GlobalAveragePooling2D()

    def call(self, x):
        return 0.5 * (self.max_pool(x) + self.avg_pool(x))


class CNN(keras.Model):
    def __init__(self, sizes=(32, 64), num_class=NUM_CLASS):
        super(CNN, self).__init__()
        self.feature_extraction = [ConvBlock(out_channels=size) for size in sizes]
        self.feature = MaxAvgPool()
        self.classifier = layers.Dense(units=num_class, activation='softmax')

    def call(self, x, training=False):
        for block in self.feature_extraction:
            x = block(x, training=training)
        return self.classifier(self.feature(x))


def train(verbose=0):
    (x_train, y_train), (x_valid, y_valid) = keras.datasets.cifar10.load_data()
    train_dataset = tf.data.Dataset.from_tensor_slices(
        (x_train.astype('float32') / 255.0, y_train)).shuffle(50000).batch(BATCH_SIZE)
    valid_dataset = tf.data.Dataset.from_tensor_slices(
        (x_valid.astype('float32') / 255.0, y_valid)).batch(BATCH_SIZE)

    model = CNN()
    criterion = keras.losses.SparseCategoricalCrossentropy()
    optimizer = keras.optimizers.AdamW(learning_rate=LEARNING_RATE, weight_decay=WEIGHT_DECAY)  # expect: WD203
    train_loss = keras.metrics.Mean()
    train_accuracy = keras.metrics.SparseCategoricalAccuracy()
    test_accuracy = keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(x_batch, y_batch):
        with tf.GradientTape() as tape:
            out = model(x_batch, training=True)
            l2_penalty = WEIGHT_DECAY * tf.add_n([tf.nn.l2_loss(v) for v in model.trainable_variables])  # expect: WD201
            loss = criterion(y_batch, out) + l2_penalty
        grad = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grad, model.trainable_variables))
        train_loss(loss)
        train_accuracy(y_batch, out)

    @tf.function
    def valid_step(x_batch, y_batch):
        test_accuracy(y_batch, model(x_batch, training=False))

    for epoch in range(NUM_EPOCHS):
        t0 = datetime.now()
        for x_batch, y_batch in train_dataset:
            train_step(x_batch, y_batch)
        for x_batch, y_batch in valid_dataset:
            valid_step(x_batch, y_batch)
        if verbose:
            print('epoch {:>3} {} s train loss {:.4f} acc {:4.2f}% test acc {:4.2f}%'.format(
                epoch + 1, (datetime.now() - t0).seconds, train_loss.result(),
                train_accuracy.result() * 100, test_accuracy.result() * 100))
        for m in (train_loss, train_accuracy, test_accuracy):
            m.reset_states()

    os.makedirs(os.path.dirname(MODEL_FILE), exist_ok=True)
    model.save_weights(MODEL_FILE, save_format='tf')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='parameters for program')
    parser.add_argument('--verbose', type=int, default=1)
    args = parser.parse_args()
    train(args.verbose)

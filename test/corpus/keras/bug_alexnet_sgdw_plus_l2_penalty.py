# Idiom seen in: ShinYwings/Alexnet-tf2 main.py
# Idiom seen in: ShinYwings/Alexnet-tf2 model.py
# What it reproduces: an AlexNet reimplementation trained in a @tf.function GradientTape step; the repo's
#   custom AlexSGD applies the paper's decay, this port uses Keras SGD(weight_decay=5e-4) and ALSO adds
#   the paper's 5e-4 * sum l2_loss(kernels) to the loss: the kernels decay twice, and the optimizer
#   decay also hits every bias (user mistake when porting).
import time

import tensorflow as tf
from tensorflow.keras import Model

from ImageNetDataset import CLASS_RANGE, get_datasets

LEARNING_RATE = 0.01
NUM_EPOCHS = 90
MOMENTUM = 0.9
WEIGHT_DECAY = 5e-4
LRN_INFO = (5, 1e-04, 0.75, 2)


class LRN(tf.keras.layers.Layer):
    def __init__(self, depth_radius, bias, alpha, beta):
        super(LRN, self).__init__()
        self.depth_radius, self.bias, self.alpha, self.beta = depth_radius, bias, alpha, beta

    def call(self, x):
        return tf.nn.local_response_normalization(x, depth_radius=self.depth_radius,
                                                  bias=self.bias, alpha=self.alpha, beta=self.beta)


class mAlexNet(Model):
    def __init__(self, lrn_info, num_classes):
        super(mAlexNet, self).__init__()
        radius, alpha, beta, bias = lrn_info
        init = tf.random_normal_initializer(mean=0, stddev=0.01)
        self.conv1 = tf.keras.layers.Conv2D(96, 11, strides=4, activation='relu', kernel_initializer=init)
        self.conv2 = tf.keras.layers.Conv2D(256, 5, padding="same", activation='relu', kernel_initializer=init,
                                            bias_initializer=tf.keras.initializers.Constant(1))
        self.conv3 = tf.keras.layers.Conv2D(384, 3, padding="same", activation='relu', kernel_initializer=init)
        self.conv4 = tf.keras.layers.Conv2D(384, 3, padding="same", activation='relu', kernel_initializer=init,
                                            bias_initializer=tf.keras.initializers.Constant(1))
        self.conv5 = tf.keras.layers.Conv2D(256, 3, padding="same", activation='relu', kernel_initializer=init,
                                            bias_initializer=tf.keras.initializers.Constant(1))
        self.pool = tf.keras.layers.MaxPool2D(pool_size=3, strides=2)
        self.lrn1 = LRN(radius, bias, alpha, beta)
        self.lrn2 = LRN(radius, bias, alpha, beta)
        self.flatten = tf.keras.layers.Flatten()
        self.fc1 = tf.keras.layers.Dense(4096, activation='relu', kernel_initializer=init)
        self.fc2 = tf.keras.layers.Dense(4096, activation='relu', kernel_initializer=init)
        self.fc3 = tf.keras.layers.Dense(num_classes, activation='softmax', kernel_initializer=init)
        self.dropout = tf.keras.layers.Dropout(0.5)

    def call(self, x, training=None):
        x = self.pool(self.lrn1(self.conv1(x)))
        x = self.pool(self.lrn2(self.conv2(x)))
        x = self.pool(self.conv5(self.conv4(self.conv3(x))))
        x = self.dropout(self.fc1(self.flatten(x)), training=training)
        x = self.dropout(self.fc2(x), training=training)
        return self.fc3(x)


if __name__ == "__main__":
    train_ds, test_ds = get_datasets(batch_size=128)
    learning_rate_fn = tf.keras.optimizers.schedules.PiecewiseConstantDecay(
        [200000, 300000], [LEARNING_RATE, LEARNING_RATE / 10, LEARNING_RATE / 100])
    _optimizer = tf.keras.optimizers.SGD(learning_rate=learning_rate_fn, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)  # expect: WD203
    _model = mAlexNet(LRN_INFO, CLASS_RANGE)
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy()
    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            predictions = _model(images, training=True)
            loss = loss_object(labels, predictions)
            # weight decay from the paper: 0.0005 * ||w||^2 / 2 on the kernels
            l2_penalty = WEIGHT_DECAY * tf.add_n([tf.nn.l2_loss(v) for v in _model.trainable_variables if 'kernel' in v.name])  # expect: WD201
            total_loss = loss + l2_penalty
        gradients = tape.gradient(total_loss, _model.trainable_variables)
        _optimizer.apply_gradients(zip(gradients, _model.trainable_variables))
        train_loss(loss)
        train_accuracy(labels, predictions)

    for epoch in range(NUM_EPOCHS):
        start = time.perf_counter()
        for images, labels in train_ds:
            train_step(images, labels)
        print('Epoch {}, Loss: {:.4f}, Accuracy: {:.2f}, {:.1f}s'.format(
            epoch + 1, train_loss.result(), train_accuracy.result() * 100,
            time.perf_counter() - start))
        train_loss.reset_states()
        train_accuracy.reset_states()

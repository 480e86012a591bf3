# Idiom seen in: guildai/guildai examples/tensorflow2/expert.py
# What it reproduces: the TF2 "expert" quickstart (MyModel subclass, tf.function train_step with a
#   GradientTape) with L2 on the conv and dense kernels; the tape's loss adds tf.add_n(model.losses),
#   so the regularizers reach the gradient: clean.
import argparse

import tensorflow as tf
from tensorflow.keras.layers import Dense, Flatten, Conv2D
from tensorflow.keras import Model, regularizers

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=5)
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--l2", type=float, default=5e-4)
parser.add_argument("--learning-rate", type=float, default=0.001)
args = parser.parse_args()

mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0
x_train = x_train[..., tf.newaxis].astype("float32")
x_test = x_test[..., tf.newaxis].astype("float32")

train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(args.batch_size)
test_ds = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(args.batch_size)


class MyModel(Model):
    def __init__(self, l2=0.0):
        super(MyModel, self).__init__()
        self.conv1 = Conv2D(32, 3, activation='relu', kernel_regularizer=regularizers.l2(l2))
        self.flatten = Flatten()
        self.d1 = Dense(128, activation='relu', kernel_regularizer=regularizers.l2(l2))
        self.d2 = Dense(10)

    def call(self, x):
        x = self.conv1(x)
        x = self.flatten(x)
        x = self.d1(x)
        return self.d2(x)


model = MyModel(l2=args.l2)

loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam(args.learning_rate)

train_loss = tf.keras.metrics.Mean(name='train_loss')
train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')
test_loss = tf.keras.metrics.Mean(name='test_loss')
test_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='test_accuracy')


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        predictions = model(images, training=True)
        loss = loss_object(labels, predictions) + tf.add_n(model.losses)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_loss(loss)
    train_accuracy(labels, predictions)


@tf.function
def test_step(images, labels):
    predictions = model(images, training=False)
    t_loss = loss_object(labels, predictions)
    test_loss(t_loss)
    test_accuracy(labels, predictions)


for epoch in range(args.epochs):
    train_loss.reset_states()
    train_accuracy.reset_states()
    test_loss.reset_states()
    test_accuracy.reset_states()
    for images, labels in train_ds:
        train_step(images, labels)
    for test_images, test_labels in test_ds:
        test_step(test_images, test_labels)
    print("epoch: %i" % (epoch + 1))
    print("loss: %f" % train_loss.result())
    print("accuracy: %f" % train_accuracy.result())
    print("test_loss: %f" % test_loss.result())
    print("test_accuracy: %f" % test_accuracy.result())

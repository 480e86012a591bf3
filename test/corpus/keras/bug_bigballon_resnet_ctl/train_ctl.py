# Idiom seen in: BIGBALLON/cifar-10-cnn 4_Residual_Network/ResNet_keras.py
# What it reproduces: the same script moved from model.fit to a tf.function GradientTape loop (a common
#   TF2 migration); the step's loss is the cross entropy alone, so the l2 terms in model.losses are lost.
import argparse

import numpy as np
import tensorflow as tf
from tensorflow.keras.datasets import cifar10

from resnet_model import build_resnet

parser = argparse.ArgumentParser()
parser.add_argument('-b', '--batch_size', type=int, default=128)
parser.add_argument('-e', '--epochs', type=int, default=200)
parser.add_argument('-n', '--stack_n', type=int, default=5)
args = parser.parse_args()


def color_preprocessing(x_train, x_test):
    x_train, x_test = x_train.astype('float32'), x_test.astype('float32')
    mean = [125.307, 122.95, 113.865]
    std = [62.9932, 62.0887, 66.7048]
    for i in range(3):
        x_train[:, :, :, i] = (x_train[:, :, :, i] - mean[i]) / std[i]
        x_test[:, :, :, i] = (x_test[:, :, :, i] - mean[i]) / std[i]
    return x_train, x_test


def scheduler(epoch):
    if epoch < 81:
        return 0.1
    if epoch < 122:
        return 0.01
    return 0.001


(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train, x_test = color_preprocessing(x_train, x_test)
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(50000).batch(args.batch_size)

resnet = build_resnet(stack_n=args.stack_n)
sgd = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
train_loss = tf.keras.metrics.Mean(name='train_loss')
train_acc = tf.keras.metrics.SparseCategoricalAccuracy(name='train_acc')


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = resnet(images, training=True)
        loss = loss_fn(labels, logits)
    grads = tape.gradient(loss, resnet.trainable_variables)
    sgd.apply_gradients(zip(grads, resnet.trainable_variables))
    train_loss(loss)
    train_acc(labels, logits)


for epoch in range(args.epochs):
    sgd.learning_rate.assign(scheduler(epoch))
    for images, labels in train_ds:
        train_step(images, labels)
    print('epoch %d: loss %.4f acc %.4f' % (epoch, train_loss.result(), train_acc.result()))
    train_loss.reset_states()
    train_acc.reset_states()

resnet.save('resnet_{:d}_cifar10.h5'.format(6 * args.stack_n + 2))

# Idiom seen in: Briwisdom/resnet_cifar10 cifar10.py
# What it reproduces: the CIFAR-10 script rewritten as a tf.function GradientTape loop with argparse; the loss
# is the cross entropy only (model.losses never added), so the L2 kernel regularizers of resnet.py are dead.
import argparse

import numpy as np
import tensorflow as tf

import resnet


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=100)
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--lr', type=float, default=0.1)
    args = parser.parse_args()

    (x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
    mean_image = np.mean(x_train.astype('float32'), axis=0)
    x_train = (x_train.astype('float32') - mean_image) / 128.
    train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(50000).batch(args.batch_size)

    model = resnet.build_resnet_18((32, 32, 3), 10)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(args.lr, momentum=0.9, nesterov=True)
    train_loss = tf.keras.metrics.Mean()
    train_acc = tf.keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            loss = loss_fn(labels, logits)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        train_loss(loss)
        train_acc(labels, logits)

    for epoch in range(args.epochs):
        train_loss.reset_states()
        train_acc.reset_states()
        for images, labels in train_ds:
            train_step(images, labels)
        print('epoch %d loss %.4f acc %.4f' % (epoch, train_loss.result(), train_acc.result()))
    model.save_weights('resnet18_cifar10.h5')


if __name__ == '__main__':
    main()

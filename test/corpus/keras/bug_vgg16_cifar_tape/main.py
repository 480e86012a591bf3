# Idiom seen in: dragen1860/TensorFlow-2.x-Tutorials 06-CIFAR-VGG/network.py
# Idiom seen in: dragen1860/TensorFlow-2.x-Tutorials lesson15-CIFAR-VGG/main.py
# What it reproduces: the VGG16 subclassed model puts l2(weight_decay) on every conv/dense kernel, but main.py
# trains it with a GradientTape whose loss is only the cross-entropy: model.losses is never added.
import os

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import datasets, optimizers

from network import VGG16

os.environ['TF_CPP_MIN_LOG_LEVEL'] = '2'


def normalize(X_train, X_test):
    X_train = X_train / 255.
    X_test = X_test / 255.
    mean = tf.reduce_mean(X_train, axis=(0, 1, 2, 3))
    std = tf.math.reduce_std(X_train, axis=(0, 1, 2, 3))
    return (X_train - mean) / (std + 1e-7), (X_test - mean) / (std + 1e-7)


def prepare_cifar(x, y):
    return tf.cast(x, tf.float32), tf.cast(y, tf.int32)


def compute_loss(logits, labels):
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels))


def main():
    tf.random.set_seed(22)
    (x, y), (x_test, y_test) = datasets.cifar10.load_data()
    y = tf.squeeze(y, axis=1)
    x, x_test = normalize(x, x_test)
    train_loader = tf.data.Dataset.from_tensor_slices((x, y)).map(prepare_cifar).shuffle(50000).batch(256)

    model = VGG16([32, 32, 3])
    criteon = keras.losses.CategoricalCrossentropy(from_logits=True)
    metric = keras.metrics.CategoricalAccuracy()
    optimizer = optimizers.Adam(learning_rate=0.0001)

    for epoch in range(250):
        for step, (x, y) in enumerate(train_loader):
            y = tf.one_hot(tf.squeeze(y), depth=10)
            with tf.GradientTape() as tape:
                logits = model(x)
                loss = criteon(y, logits)
                metric.update_state(y, logits)
            grads = tape.gradient(loss, model.trainable_variables)
            grads = [tf.clip_by_norm(g, 15) for g in grads]
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            if step % 40 == 0:
                print(epoch, step, 'loss:', float(loss), 'acc:', metric.result().numpy())
                metric.reset_states()


if __name__ == '__main__':
    main()

# Idiom seen in: yzcjtr/GeoNet geonet_model.py; tensorflow/models official/r1/resnet/resnet_run_loop.py
# What it reproduces: a small residual CNN written with tf.compat.v1.layers, each conv carrying
# `kernel_regularizer=tf.keras.regularizers.l2(...)`; the loss is a hand-written sigmoid cross entropy
# and the regularization losses are summed in by hand with
# tf.math.add_n([loss] + tf.compat.v1.losses.get_regularization_losses()) before MomentumOptimizer
# minimizes it. Correctly wired: no finding.
import numpy as np
import tensorflow as tf

from cifar_loader import load_cifar10

UPDATE_OPS_KEY = tf.compat.v1.GraphKeys.UPDATE_OPS
L2_SCALE = 1e-4

tf.compat.v1.disable_eager_execution()

x = tf.compat.v1.placeholder(tf.float32, [None, 32, 32, 3])
y = tf.compat.v1.placeholder(tf.int32, [None])
training = tf.compat.v1.placeholder_with_default(False, [])
learning_rate = tf.compat.v1.placeholder(tf.float32, [])
y_hot = tf.one_hot(y, 10)


def conv_bn(inputs, filters):
    h = tf.compat.v1.layers.conv2d(inputs, filters, 3, padding='same',
                                   kernel_regularizer=tf.keras.regularizers.l2(L2_SCALE))
    return tf.compat.v1.layers.batch_normalization(tf.nn.relu(h), momentum=0.9, training=training)


conv1 = conv_bn(x, 64)
conv2 = conv_bn(conv1, 64) + conv1
pool = tf.reduce_mean(conv_bn(conv2, 128), axis=[1, 2])
full = tf.compat.v1.layers.dropout(pool, 0.2, training=training)
pred = tf.compat.v1.layers.dense(full, 10)

loss = tf.math.reduce_mean(tf.math.maximum(pred, 0) - pred * y_hot
                           + tf.math.log(1 + tf.math.exp(-tf.math.abs(pred))))
loss = tf.math.add_n([loss] + tf.compat.v1.losses.get_regularization_losses())

with tf.control_dependencies(tf.compat.v1.get_collection(UPDATE_OPS_KEY)):
    train_op = tf.compat.v1.train.MomentumOptimizer(learning_rate, 0.9).minimize(loss)


def main():
    (train_x, train_y), (test_x, test_y) = load_cifar10()
    lr, batch_size = 0.1, 64
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        for epoch in range(1, 91):
            if epoch in (30, 60):
                lr /= 10
            order = np.random.permutation(len(train_x))
            for i in range(0, len(order), batch_size):
                idx = order[i:i + batch_size]
                sess.run(train_op, {x: train_x[idx], y: train_y[idx], training: True, learning_rate: lr})
            acc = np.mean(np.argmax(sess.run(pred, {x: test_x[:1000]}), 1) == test_y[:1000])
            print('epoch %d: test accuracy %.3f' % (epoch, acc))


if __name__ == '__main__':
    main()

# Idiom seen in: tensorlayer/TensorLayer example/tutorial_cifar10.py
# What it reproduces: TensorLayer model; an L2 term l2_regularizer(0.004)(W) is summed over the dense layers'
# weights fetched by name and added to the cross-entropy cost that Adam minimizes (clean).
import time

import numpy as np
import tensorflow as tf
import tensorlayer as tl

X_train, y_train, X_test, y_test = tl.files.load_cifar10_dataset(shape=(-1, 32, 32, 3), plotable=False)

sess = tf.InteractiveSession()
batch_size = 128
x = tf.placeholder(tf.float32, [batch_size, 32, 32, 3], name='x')
y_ = tf.placeholder(tf.int64, [batch_size], name='y_')


def model(x_crop, y_, reuse):
    W_init = tf.truncated_normal_initializer(stddev=5e-2)
    W_init2 = tf.truncated_normal_initializer(stddev=0.04)
    b_init2 = tf.constant_initializer(value=0.1)
    with tf.variable_scope('model', reuse=reuse):
        net = tl.layers.InputLayer(x_crop, name='input')
        net = tl.layers.Conv2d(net, 64, (5, 5), (1, 1), act=tf.nn.relu, padding='SAME', W_init=W_init, name='cnn1')
        net = tl.layers.MaxPool2d(net, (3, 3), (2, 2), padding='SAME', name='pool1')
        net = tl.layers.Conv2d(net, 64, (5, 5), (1, 1), act=tf.nn.relu, padding='SAME', W_init=W_init, name='cnn2')
        net = tl.layers.MaxPool2d(net, (3, 3), (2, 2), padding='SAME', name='pool2')
        net = tl.layers.FlattenLayer(net, name='flatten')
        net = tl.layers.DenseLayer(net, 384, act=tf.nn.relu, W_init=W_init2, b_init=b_init2, name='d1relu')
        net = tl.layers.DenseLayer(net, 192, act=tf.nn.relu, W_init=W_init2, b_init=b_init2, name='d2relu')
        net = tl.layers.DenseLayer(net, 10, act=None, W_init=W_init2, name='output')
        y = net.outputs

        ce = tl.cost.cross_entropy(y, y_, name='cost')
        L2 = 0
        for p in tl.layers.get_variables_with_name('relu/W', True, True):
            L2 += tf.contrib.layers.l2_regularizer(0.004)(p)
        cost = ce + L2

        correct_prediction = tf.equal(tf.argmax(y, 1), y_)
        acc = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
        return net, cost, acc


network, cost, acc = model(x, y_, False)

n_epoch = 50000
learning_rate = 0.0001
with tf.device('/gpu:0'):
    train_op = tf.train.AdamOptimizer(learning_rate, beta1=0.9, beta2=0.999, epsilon=1e-08,
                                      use_locking=False).minimize(cost)

tl.layers.initialize_global_variables(sess)
for epoch in range(n_epoch):
    start_time = time.time()
    for X_train_a, y_train_a in tl.iterate.minibatches(X_train, y_train, batch_size, shuffle=True):
        sess.run(train_op, feed_dict={x: X_train_a, y_: y_train_a})
    print('Epoch %d took %fs' % (epoch + 1, time.time() - start_time))

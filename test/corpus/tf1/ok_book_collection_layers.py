# Idiom seen in: ggqshr/PythonProject learnTF/C4/RegularizationTest.py
# What it reproduces: the "TensorFlow in practice" collection idiom done right: get_weight() adds
#   l2_regularizer(l)(var) to 'losses', the mse is added to the same collection, and the optimizer minimizes
#   tf.add_n(tf.get_collection('losses')); clean.
# 作用：正则化防止过拟合以及使用集合的方式生成网路
import numpy as np
import tensorflow as tf


def get_weight(shape, l):
    var = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    tf.add_to_collection("losses", tf.contrib.layers.python.layers.regularizers.l2_regularizer(l)(var))
    return var


x = tf.placeholder(tf.float32, shape=(None, 2))
y_ = tf.placeholder(tf.float32, shape=(None, 1))
batch_size = 8
layer_dimension = [2, 10, 10, 10, 1]
n_layer = len(layer_dimension)
cur_layer = x
in_dimension = layer_dimension[0]
for i in range(1, n_layer):
    out_dimension = layer_dimension[i]
    weight = get_weight([in_dimension, out_dimension], 0.003)
    bias = tf.Variable(tf.constant(0.1, shape=[out_dimension]))
    if i < n_layer - 1:
        cur_layer = tf.nn.elu(tf.matmul(cur_layer, weight) + bias)
    else:
        cur_layer = tf.matmul(cur_layer, weight) + bias
    in_dimension = layer_dimension[i]

mse_loss = tf.reduce_mean(tf.square(y_ - cur_layer))
tf.add_to_collection("losses", mse_loss)
loss = tf.add_n(tf.get_collection("losses"))

global_step = tf.Variable(0, trainable=False)
learning_rate = tf.train.exponential_decay(0.01, global_step, 100, 0.96, staircase=True)
train_op = tf.train.AdamOptimizer(learning_rate).minimize(loss, global_step=global_step)

rdm = np.random.RandomState(1)
data = rdm.uniform(-1, 1, (200, 2)).astype(np.float32)
label = np.array([[1.0 if x1 ** 2 + x2 ** 2 <= 1 else 0.0] for (x1, x2) in data], dtype=np.float32)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(40000):
        start = (i * batch_size) % len(data)
        end = start + batch_size
        sess.run(train_op, feed_dict={x: data[start:end], y_: label[start:end]})
        if i % 2000 == 0:
            print("After %d steps, loss: %f" % (i, sess.run(loss, feed_dict={x: data, y_: label})))

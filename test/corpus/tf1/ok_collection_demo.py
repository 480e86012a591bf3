# Idiom seen in: incoging/DeepLearning_study st_collection.py
# What it reproduces: the add_to_collection/get_collection/add_n pattern of the notes, with get_weight putting
# each layer's l2_regularizer(lam)(w) into 'losses' together with the MSE, and the optimizer minimizes
# tf.add_n(tf.get_collection('losses')): clean.
import numpy as np
import tensorflow as tf

BATCH_SIZE = 8
LAYER_DIMS = [2, 10, 10, 10, 1]
REG_LAMBDA = 0.001


def get_weight(shape, lam):
    var = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(lam)(var))
    return var


x = tf.placeholder(tf.float32, shape=(None, 2))
y_ = tf.placeholder(tf.float32, shape=(None, 1))
cur_layer = x
in_dim = LAYER_DIMS[0]
for out_dim in LAYER_DIMS[1:]:
    weight = get_weight([in_dim, out_dim], REG_LAMBDA)
    bias = tf.Variable(tf.constant(0.1, shape=[out_dim]))
    cur_layer = tf.nn.relu(tf.matmul(cur_layer, weight) + bias)
    in_dim = out_dim

mse_loss = tf.reduce_mean(tf.square(y_ - cur_layer))
tf.add_to_collection('losses', mse_loss)
loss = tf.add_n(tf.get_collection('losses'))
train_step = tf.train.AdamOptimizer(0.001).minimize(loss)

rdm = np.random.RandomState(1)
X = rdm.rand(128, 2)
Y = [[int(a + b < 1)] for (a, b) in X]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(5000):
        start = (i * BATCH_SIZE) % 128
        sess.run(train_step, feed_dict={x: X[start:start + BATCH_SIZE], y_: Y[start:start + BATCH_SIZE]})
        if i % 1000 == 0:
            print(i, sess.run(loss, feed_dict={x: X, y_: Y}))

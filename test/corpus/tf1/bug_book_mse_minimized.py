# Idiom seen in: Sparkoor/learning ttensorflow/example3.py
# What it reproduces: the "TensorFlow in practice" 5-layer net whose get_weight() puts l2_regularizer(lamba)(var) into
#   the 'losses' collection, and the mse is added and the collection summed; a user mistake in this idiom (the book
#   minimizes the sum): the optimizer is given mse_loss, so the summed total with the decay terms is only printed.
"""
使用正则化处理过拟合问题
在损失函数中加入刻画模型复杂度的指标 j(s)+lam*R(w)
"""
import numpy as np
import tensorflow as tf


def get_weight(shape, lamba):
    """获取一层神经网络边上的权重，并将这个权重的L2正则化损失加入名称为losses的集合中"""
    var = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(lamba)(var))
    return var


x = tf.placeholder(tf.float32, shape=(None, 2))
y_ = tf.placeholder(tf.float32, shape=(None, 1))
batch_size = 8
layer_dimension = [2, 10, 10, 10, 1]
n_layers = len(layer_dimension)
cur_layer = x
in_dimension = layer_dimension[0]
for i in range(1, n_layers):
    out_dimension = layer_dimension[i]
    weight = get_weight([in_dimension, out_dimension], 0.001)
    bias = tf.Variable(tf.constant(0.1, shape=[out_dimension]))
    cur_layer = tf.nn.relu(tf.matmul(cur_layer, weight) + bias)
    in_dimension = layer_dimension[i]

mse_loss = tf.reduce_mean(tf.square(y_ - cur_layer))
tf.add_to_collection('losses', mse_loss)
loss = tf.add_n(tf.get_collection('losses'))  # expect: WD105

# 先只看拟合误差有没有降下来
train_step = tf.train.AdamOptimizer(0.001).minimize(mse_loss)

rdm = np.random.RandomState(1)
dataset_size = 128
X = rdm.rand(dataset_size, 2)
Y = [[x1 + x2 + rdm.rand() / 10.0 - 0.05] for (x1, x2) in X]

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    STEPS = 5000
    for i in range(STEPS):
        start = (i * batch_size) % dataset_size
        end = min(start + batch_size, dataset_size)
        sess.run(train_step, feed_dict={x: X[start:end], y_: Y[start:end]})
        if i % 1000 == 0:
            total, mse = sess.run([loss, mse_loss], feed_dict={x: X, y_: Y})
            print("After %d steps, total loss is %g, mse is %g" % (i, total, mse))

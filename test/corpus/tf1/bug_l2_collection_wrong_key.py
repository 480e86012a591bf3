# Idiom seen in: lilitom/tensorflow_tutorial_codes codes/l2_demo.ipynb
# What it reproduces: the get_weight() + tf.add_to_collection L2 demo, where the helper writes its terms to
# 'l2_losses' while the loss sums tf.get_collection('losses') (holding only the MSE), so the decay terms are
# never read into the minimized loss (user's mistake in the demo's idiom): WD101.
import argparse
import numpy as np
import tensorflow as tf

parser = argparse.ArgumentParser()
parser.add_argument('--l2', type=float, default=0.003)
parser.add_argument('--lr', type=float, default=0.001)
parser.add_argument('--steps', type=int, default=20000)
args = parser.parse_args()


def get_weight(shape, lam):
    var = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    tf.add_to_collection('l2_losses', tf.contrib.layers.l2_regularizer(lam)(var))  # expect: WD101
    return var


x = tf.placeholder(tf.float32, shape=(None, 2))
y_ = tf.placeholder(tf.float32, shape=(None, 1))
layer_dimension = [2, 10, 5, 3, 1]
cur_layer = x
in_dimension = layer_dimension[0]
for i in range(1, len(layer_dimension)):
    out_dimension = layer_dimension[i]
    weight = get_weight([in_dimension, out_dimension], args.l2)
    bias = tf.Variable(tf.constant(0.1, shape=[out_dimension]))
    cur_layer = tf.nn.elu(tf.matmul(cur_layer, weight) + bias)
    in_dimension = out_dimension
y = cur_layer

mse_loss = tf.reduce_sum(tf.pow(y_ - y, 2)) / 100
tf.add_to_collection('losses', mse_loss)
loss = tf.add_n(tf.get_collection('losses'))
train_op = tf.train.AdamOptimizer(args.lr).minimize(loss)

rng = np.random.RandomState(0)
data = rng.uniform(-1, 1, size=(100, 2))
label = np.array([[int(a ** 2 + b ** 2 <= 1)] for a, b in data], dtype=np.float32)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(args.steps):
        sess.run(train_op, feed_dict={x: data, y_: label})
        if i % 2000 == 0:
            print('After %d steps, loss: %f' % (i, sess.run(loss, feed_dict={x: data, y_: label})))

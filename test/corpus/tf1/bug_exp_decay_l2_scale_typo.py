# Idiom seen in: lilitom/tensorflow_tutorial_codes codes/exp_decay.py
# Idiom seen in: lilitom/tensorflow_tutorial_codes codes/l2_demo.ipynb
# What it reproduces: tutorial-style regression net whose get_weight() adds l2_regularizer(lam)(w) to 'losses',
# summed into the loss and trained by plain SGD on an exponential_decay schedule starting at 0.8. The L2 scale
# lost its exponent (1.5 instead of 1.5e-4): lr*wd = 0.8*1.5 = 1.2 >= 1, decay alone flips the weights (WD301).
import numpy as np
import tensorflow as tf

LEARNING_RATE_BASE = 0.8
LEARNING_RATE_DECAY = 0.96
DECAY_STEPS = 100
L2_LAMBDA = 1.5  # expect: WD301
BATCH_SIZE = 8
STEPS = 5000
LAYER_DIMENSION = [2, 10, 10, 10, 1]


def get_weight(shape, lam):
    var = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(lam)(var))
    return var


x = tf.placeholder(tf.float32, shape=(None, 2))
y_ = tf.placeholder(tf.float32, shape=(None, 1))

cur_layer = x
in_dimension = LAYER_DIMENSION[0]
for i in range(1, len(LAYER_DIMENSION)):
    out_dimension = LAYER_DIMENSION[i]
    weight = get_weight([in_dimension, out_dimension], L2_LAMBDA)
    bias = tf.Variable(tf.constant(0.1, shape=[out_dimension]))
    cur_layer = tf.matmul(cur_layer, weight) + bias
    if i < len(LAYER_DIMENSION) - 1:
        cur_layer = tf.nn.relu(cur_layer)
    in_dimension = out_dimension

mse_loss = tf.reduce_mean(tf.square(y_ - cur_layer))
tf.add_to_collection('losses', mse_loss)
loss = tf.add_n(tf.get_collection('losses'))

global_step = tf.Variable(0, trainable=False)
learning_rate = tf.train.exponential_decay(LEARNING_RATE_BASE, global_step, DECAY_STEPS,
                                           LEARNING_RATE_DECAY, staircase=True)
train_step = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss, global_step=global_step)

rdm = np.random.RandomState(1)
data = rdm.rand(128, 2)
label = np.array([[float(x1 ** 2 + x2 ** 2 <= 1)] for (x1, x2) in data])

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(STEPS):
        start = (i * BATCH_SIZE) % 128
        sess.run(train_step, feed_dict={x: data[start:start + BATCH_SIZE], y_: label[start:start + BATCH_SIZE]})
        if i % 1000 == 0:
            print('After %d steps, loss: %f' % (i, sess.run(loss, feed_dict={x: data, y_: label})))

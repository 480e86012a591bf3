# Idiom seen in: yuanyangxin/-Tensorflow- opt4_8forward.py
# Idiom seen in: yuanyangxin/-Tensorflow- opt4_8backward.py
# What it reproduces: the course forward/backward split: get_weight(shape, regularizer) adds
#   l2_regularizer(regularizer)(w) to "losses" behind an "if regularizer != None" guard (the MNIST
#   version of the course), but backward() and the test script both call forward(x, None), so the
#   decay code never runs (user turned it off and left it; the repo passes REGULARIZER=0.01).
import numpy as np
import tensorflow as tf

import opt4_8forward
import opt4_8generateData

STEPS = 40000
BATCH_SIZE = 30
LEARNING_RATE_BASE = 0.001
LEARNING_RATE_DECAY = 0.999


def backward():
    x = tf.placeholder(tf.float32, shape=(None, 2))
    y_ = tf.placeholder(tf.float32, shape=(None, 1))
    X, Y_, Y_c = opt4_8generateData.generates()
    y = opt4_8forward.forward(x, None)
    global_step = tf.Variable(0, trainable=False)
    learning_rate = tf.train.exponential_decay(LEARNING_RATE_BASE, global_step,
                                               300 / BATCH_SIZE, LEARNING_RATE_DECAY,
                                               staircase=True)
    loss_mse = tf.reduce_mean(tf.square(y - y_))
    train_step = tf.train.AdamOptimizer(learning_rate).minimize(loss_mse, global_step=global_step)
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(STEPS):
            start = (i * BATCH_SIZE) % 300
            end = start + BATCH_SIZE
            sess.run(train_step, feed_dict={x: X[start:end], y_: Y_[start:end]})
            if i % 2000 == 0:
                loss_v = sess.run(loss_mse, feed_dict={x: X, y_: Y_})
                print("After %d steps, loss is: %f" % (i, loss_v))
        saver.save(sess, "./model/moons.ckpt", global_step=global_step)


if __name__ == '__main__':
    backward()

# Idiom seen in: yuanyangxin/-Tensorflow- opt4_8forward.py
# Idiom seen in: yuanyangxin/-Tensorflow- opt4_8backward.py
# What it reproduces: the course forward/backward split: get_weight(shape, regularizer) adds
#   l2_regularizer(regularizer)(w) to "losses" behind an "if regularizer != None" guard (the MNIST
#   version of the course), but backward() and the test script both call forward(x, None), so the
#   decay code never runs (user turned it off and left it; the repo passes REGULARIZER=0.01).
import tensorflow as tf


def get_weight(shape, regularizer):
    w = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    if regularizer != None:  # expect: WD303
        tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(regularizer)(w))
    return w


def get_bias(shape):
    b = tf.Variable(tf.constant(0.01, shape=shape))
    return b


def forward(x, regularizer):
    w1 = get_weight([2, 11], regularizer)
    b1 = get_bias([11])
    y1 = tf.nn.relu(tf.matmul(x, w1) + b1)
    w2 = get_weight([11, 1], regularizer)
    b2 = get_bias([1])
    y = tf.matmul(y1, w2) + b2
    return y

# Idiom seen in: baiyang2464/AI dl/nn/cnn/mnist/mnist_forward.py
# Idiom seen in: baiyang2464/AI dl/nn/cnn/mnist/mnist_backward.py
# What it reproduces: the course's forward/backward MNIST layout with get_weight() putting regularizer*l2_loss(w) into
#   'losses' and plain SGD on cem + add_n(losses); realistic mistake: REGULARIZER = 20 with LEARNING_RATE_BASE 0.1 (lr*wd = 2).
import tensorflow as tf

INPUT_NODE = 784
OUTPUT_NODE = 10
LAYER1_NODE = 500


def get_weight(shape, regularizer):
    w = tf.Variable(tf.truncated_normal(shape, stddev=0.1))
    if regularizer != None:
        tf.add_to_collection('losses', tf.multiply(tf.nn.l2_loss(w), regularizer))
    return w


def get_bias(shape):
    return tf.Variable(tf.zeros(shape))


def forward(x, regularizer):
    w1 = get_weight([INPUT_NODE, LAYER1_NODE], regularizer)
    b1 = get_bias([LAYER1_NODE])
    y1 = tf.nn.relu(tf.matmul(x, w1) + b1)
    w2 = get_weight([LAYER1_NODE, OUTPUT_NODE], regularizer)
    b2 = get_bias([OUTPUT_NODE])
    return tf.matmul(y1, w2) + b2

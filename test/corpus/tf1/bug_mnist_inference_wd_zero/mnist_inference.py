# Idiom seen in: laphets/tf-learning mnist_better/mnist_inference.py
# Idiom seen in: laphets/tf-learning mnist_better/mnist_train.py
# What it reproduces: the two-module MNIST example with a decay rate handed to get_weight_variable, which adds
# wd * l2_loss(weights) to 'losses' only when wd > 0; the only caller passes REGULARIZATION_RATE = 0.0
# (switched off while debugging and never restored), so the decay code is dead: WD303 at the guard.
import tensorflow as tf

INPUT_NODE = 784
OUTPUT_NODE = 10
LAYER1_NODE = 500


def get_weight_variable(shape, wd):
    weights = tf.get_variable('weights', shape, initializer=tf.truncated_normal_initializer(stddev=0.1))
    if wd > 0:  # expect: WD303
        tf.add_to_collection('losses', tf.multiply(tf.nn.l2_loss(weights), wd, name='weight_loss'))
    return weights


def inference(input_tensor, wd):
    with tf.variable_scope('layer1'):
        weights = get_weight_variable([INPUT_NODE, LAYER1_NODE], wd)
        biases = tf.get_variable('biases', [LAYER1_NODE], initializer=tf.constant_initializer(0.0))
        layer1 = tf.nn.relu(tf.matmul(input_tensor, weights) + biases)
    with tf.variable_scope('layer2'):
        weights = get_weight_variable([LAYER1_NODE, OUTPUT_NODE], wd)
        biases = tf.get_variable('biases', [OUTPUT_NODE], initializer=tf.constant_initializer(0.0))
        layer2 = tf.matmul(layer1, weights) + biases
    return layer2

# Idiom seen in: xjy233/ml_dl dl/MNIST/mnist_inference.py
# Idiom seen in: xjy233/ml_dl dl/MNIST/mnist_train.py
# What it reproduces: the book MLP (get_weight_variable + inference(x, regularizer), loss summed from the "losses" collection);
#   a realistic mistake on the repo's correct code: the helper is "simplified" to tf.get_variable(..., regularizer=regularizer),
#   which files the terms under REGULARIZATION_LOSSES, while training still sums get_collection("losses") (= GraphKeys.LOSSES,
#   where tf.losses.sparse_softmax_cross_entropy puts only the cross entropy): the decay is never collected (WD102).
import tensorflow as tf

INPUT_NODE = 784
OUTPUT_NODE = 10
LAYER1_NODE = 500


def get_weight_variable(shape, regularizer):
    weights = tf.get_variable('weights', shape,
                              initializer=tf.truncated_normal_initializer(stddev=0.1),
                              regularizer=regularizer)  # expect: WD102
    return weights


def inference(input_tensor, regularizer):
    with tf.variable_scope('layer1'):
        weights = get_weight_variable([INPUT_NODE, LAYER1_NODE], regularizer)
        biases = tf.get_variable('biases', [LAYER1_NODE], initializer=tf.constant_initializer(0.0))
        layer1 = tf.nn.relu(tf.matmul(input_tensor, weights) + biases)

    with tf.variable_scope('layer2'):
        weights = get_weight_variable([LAYER1_NODE, OUTPUT_NODE], regularizer)
        biases = tf.get_variable('biases', [OUTPUT_NODE], initializer=tf.constant_initializer(0.0))
        layer2 = tf.matmul(layer1, weights) + biases
    return layer2

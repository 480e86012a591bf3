# Idiom seen in: linchaolong-learn/TensorflowLearn mnist_inference.py
# Idiom seen in: linchaolong-learn/TensorflowLearn mnist_train.py
# What it reproduces: the book's split of a 2-layer MNIST net into inference/train/eval modules; the regularizer is
#   handed to inference() and its term put into 'losses'; the train script sums the collection into the minimized loss
#   and the eval script passes None. Clean.
import tensorflow as tf

INPUT_NODE = 784
OUTPUT_NODE = 10
HIDDEN_NODE = 500


def get_weight_variable(shape, regularizer):
    weights = tf.get_variable(
        "weights", shape, initializer=tf.truncated_normal_initializer(stddev=0.1))
    # the regularization term of this layer goes into the custom collection
    if regularizer is not None:
        tf.add_to_collection("losses", regularizer(weights))
    return weights


def inference(input_tensor, regularizer):
    with tf.variable_scope("layer1"):
        weights = get_weight_variable([INPUT_NODE, HIDDEN_NODE], regularizer)
        biases = tf.get_variable("biases", [HIDDEN_NODE],
                                 initializer=tf.constant_initializer(0.0))
        layer1 = tf.nn.relu(tf.matmul(input_tensor, weights) + biases)

    with tf.variable_scope("layer2"):
        weights = get_weight_variable([HIDDEN_NODE, OUTPUT_NODE], regularizer)
        biases = tf.get_variable("biases", [OUTPUT_NODE],
                                 initializer=tf.constant_initializer(0.0))
        layer2 = tf.matmul(layer1, weights) + biases
    return layer2

# Idiom seen in: zakizhou/mnist_input_pipeline mnist.py
# Idiom seen in: zakizhou/mnist_input_pipeline mnist_multigpus_train.py
# What it reproduces: model module of a multi-GPU MNIST trainer. Realistic mistake: the weight-decay
#   helper was copied from the CIFAR-10 tutorial and adds to 'losses', while this project's loss() and
#   tower_loss() use the collection "loss"; nothing ever reads 'losses', so the decay is dead.
import tensorflow as tf

BATCH_SIZE = 128
NUM_CLASSES = 10
NUM_EXAMPLES_PER_EPOCH = 55000
FC_WEIGHT_DECAY = 0.004


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)  # expect: WD101
    return var


def convolution(inputs, kernel_size):
    kernel = _variable_with_weight_decay("kernel", kernel_size, stddev=0.1, wd=None)
    bias = tf.get_variable("bias", shape=[kernel_size[-1]], initializer=tf.constant_initializer(0.))
    conv = tf.nn.bias_add(tf.nn.conv2d(inputs, kernel, strides=[1, 1, 1, 1], padding="SAME"), bias)
    return tf.nn.max_pool(tf.nn.relu(conv), ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")


def inference(inputs):
    with tf.variable_scope("conv1"):
        conv_1 = convolution(inputs, [5, 5, 1, 64])
    with tf.variable_scope("conv2"):
        conv_2 = convolution(conv_1, [5, 5, 64, 128])
    reshape = tf.reshape(conv_2, [BATCH_SIZE, -1])
    dim = reshape.get_shape()[-1].value
    with tf.variable_scope("fully_connection"):
        weights = _variable_with_weight_decay("weights", [dim, 256], stddev=0.1, wd=FC_WEIGHT_DECAY)
        bias = tf.get_variable("bias", [256], initializer=tf.constant_initializer(0.))
        fc1 = tf.nn.relu(tf.nn.xw_plus_b(reshape, weights, bias))
    with tf.variable_scope("output"):
        weights = _variable_with_weight_decay("weights", [256, NUM_CLASSES], stddev=0.1, wd=FC_WEIGHT_DECAY)
        bias = tf.get_variable("bias", [NUM_CLASSES], initializer=tf.constant_initializer(0.))
        logits = tf.nn.xw_plus_b(fc1, weights, bias, name="logits")
    return logits


def loss(logits, labels):
    cross_entropy = tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labels)
    mean = tf.reduce_mean(cross_entropy, name="loss")
    tf.add_to_collection("loss", mean)
    return mean

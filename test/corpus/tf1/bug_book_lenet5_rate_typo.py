# Idiom seen in: linchaolong-learn/TensorflowLearn LeNet5_infernece.py
# Idiom seen in: linchaolong-learn/TensorflowLearn LeNet5_train.py
# What it reproduces: the book's hand-written LeNet-5 (tf.nn.conv2d, regularizer(fc_weights) into 'losses', summed into
#   the loss); a user's mistake: the regularization rate lost its minus sign (1e4 for 1e-4), so with plain SGD at
#   lr 0.01, lr*scale = 100 >= 1 and the decay flips and blows up the fc weights (WD301 at the constant).
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

IMAGE_SIZE = 28
NUM_CHANNELS = 1
NUM_LABELS = 10
CONV1_DEEP, CONV1_SIZE = 32, 5
CONV2_DEEP, CONV2_SIZE = 64, 5
FC_SIZE = 512
BATCH_SIZE = 100
LEARNING_RATE_BASE = 0.01
LEARNING_RATE_DECAY = 0.99
REGULARIZATION_RATE = 1e4  # expect: WD301
TRAINING_STEPS = 6000


def inference(input_tensor, train, regularizer):
    with tf.variable_scope("layer1-conv1"):
        w = tf.get_variable("weight", [CONV1_SIZE, CONV1_SIZE, NUM_CHANNELS, CONV1_DEEP],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        b = tf.get_variable("bias", [CONV1_DEEP], initializer=tf.constant_initializer(0.0))
        relu1 = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(input_tensor, w, [1, 1, 1, 1], "SAME"), b))
    pool1 = tf.nn.max_pool(relu1, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")

    with tf.variable_scope("layer3-conv2"):
        w = tf.get_variable("weight", [CONV2_SIZE, CONV2_SIZE, CONV1_DEEP, CONV2_DEEP],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        b = tf.get_variable("bias", [CONV2_DEEP], initializer=tf.constant_initializer(0.0))
        relu2 = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(pool1, w, [1, 1, 1, 1], "SAME"), b))
    pool2 = tf.nn.max_pool(relu2, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")

    shape = pool2.get_shape().as_list()
    nodes = shape[1] * shape[2] * shape[3]
    reshaped = tf.reshape(pool2, [-1, nodes])

    with tf.variable_scope("layer5-fc1"):
        fc1_weights = tf.get_variable("weight", [nodes, FC_SIZE],
                                      initializer=tf.truncated_normal_initializer(stddev=0.1))
        if regularizer is not None:
            tf.add_to_collection("losses", regularizer(fc1_weights))
        fc1_biases = tf.get_variable("bias", [FC_SIZE], initializer=tf.constant_initializer(0.1))
        fc1 = tf.nn.relu(tf.matmul(reshaped, fc1_weights) + fc1_biases)
        if train:
            fc1 = tf.nn.dropout(fc1, 0.5)

    with tf.variable_scope("layer6-fc2"):
        fc2_weights = tf.get_variable("weight", [FC_SIZE, NUM_LABELS],
                                      initializer=tf.truncated_normal_initializer(stddev=0.1))
        if regularizer is not None:
            tf.add_to_collection("losses", regularizer(fc2_weights))
        fc2_biases = tf.get_variable("bias", [NUM_LABELS], initializer=tf.constant_initializer(0.1))
        return tf.matmul(fc1, fc2_weights) + fc2_biases


def train(mnist):
    x = tf.placeholder(tf.float32, [BATCH_SIZE, IMAGE_SIZE, IMAGE_SIZE, NUM_CHANNELS], name="x-input")
    y_ = tf.placeholder(tf.float32, [None, NUM_LABELS], name="y-input")
    regularizer = tf.contrib.layers.l2_regularizer(REGULARIZATION_RATE)
    y = inference(x, True, regularizer)
    global_step = tf.Variable(0, trainable=False)

    cross_entropy_mean = tf.reduce_mean(
        tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=tf.argmax(y_, 1)))
    loss = cross_entropy_mean + tf.add_n(tf.get_collection("losses"))
    learning_rate = tf.train.exponential_decay(LEARNING_RATE_BASE, global_step,
                                               mnist.train.num_examples / BATCH_SIZE,
                                               LEARNING_RATE_DECAY, staircase=True)
    train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss, global_step=global_step)

    with tf.Session() as sess:
        tf.global_variables_initializer().run()
        for i in range(TRAINING_STEPS):
            xs, ys = mnist.train.next_batch(BATCH_SIZE)
            xs = np.reshape(xs, (BATCH_SIZE, IMAGE_SIZE, IMAGE_SIZE, NUM_CHANNELS))
            _, loss_value, step = sess.run([train_op, loss, global_step], feed_dict={x: xs, y_: ys})
            if i % 1000 == 0:
                print("After %d training step(s), loss on training batch is %g." % (step, loss_value))


def main(argv=None):
    train(input_data.read_data_sets("/tmp/data/MNIST", one_hot=True))


if __name__ == "__main__":
    tf.app.run()

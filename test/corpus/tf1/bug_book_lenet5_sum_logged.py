# Idiom seen in: linchaolong-learn/TensorflowLearn LeNet5_infernece.py
# Idiom seen in: linchaolong-learn/TensorflowLearn LeNet5_train.py
# What it reproduces: the book's LeNet-5 with regularized fc weights in 'losses'; a user's mistake (the repo minimizes
#   cross entropy + the collection sum): the collection is summed into a total that is only written to TensorBoard while the optimizer
#   minimizes the bare cross entropy (WD105 at the sum).
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

IMAGE_SIZE = 28
NUM_CHANNELS = 1
NUM_LABELS = 10
FC_SIZE = 512
BATCH_SIZE = 200
LEARNING_RATE_BASE = 0.1
LEARNING_RATE_DECAY = 0.99
REGULARIZATION_RATE = 0.0001
TRAINING_STEPS = 10000
LOG_DIR = "/tmp/lenet5_log"


def inference(input_tensor, regularizer):
    with tf.variable_scope("layer1-conv1"):
        w = tf.get_variable("weight", [5, 5, NUM_CHANNELS, 32],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        b = tf.get_variable("bias", [32], initializer=tf.constant_initializer(0.0))
        net = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(input_tensor, w, [1, 1, 1, 1], "SAME"), b))
    net = tf.nn.max_pool(net, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    with tf.variable_scope("layer3-conv2"):
        w = tf.get_variable("weight", [5, 5, 32, 64],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        b = tf.get_variable("bias", [64], initializer=tf.constant_initializer(0.0))
        net = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(net, w, [1, 1, 1, 1], "SAME"), b))
    net = tf.nn.max_pool(net, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
    shape = net.get_shape().as_list()
    nodes = shape[1] * shape[2] * shape[3]
    net = tf.reshape(net, [-1, nodes])

    with tf.variable_scope("layer5-fc1"):
        w = tf.get_variable("weight", [nodes, FC_SIZE],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        if regularizer != None: tf.add_to_collection("losses", regularizer(w))
        b = tf.get_variable("bias", [FC_SIZE], initializer=tf.constant_initializer(0.1))
        net = tf.nn.relu(tf.matmul(net, w) + b)

    with tf.variable_scope("layer6-fc2"):
        w = tf.get_variable("weight", [FC_SIZE, NUM_LABELS],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        if regularizer != None: tf.add_to_collection("losses", regularizer(w))
        b = tf.get_variable("bias", [NUM_LABELS], initializer=tf.constant_initializer(0.1))
        return tf.matmul(net, w) + b


def train(mnist):
    x = tf.placeholder(tf.float32, [None, IMAGE_SIZE, IMAGE_SIZE, NUM_CHANNELS], "x-input")
    y_ = tf.placeholder(tf.float32, [None, NUM_LABELS], "y-input")
    global_step = tf.Variable(0, trainable=False)

    y = inference(x, tf.contrib.layers.l2_regularizer(REGULARIZATION_RATE))
    cross_entropy_mean = tf.reduce_mean(
        tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=tf.argmax(y_, 1)))

    regularization = tf.add_n(tf.get_collection("losses"))  # expect: WD105
    total_loss = cross_entropy_mean + regularization
    tf.summary.scalar("cross_entropy", cross_entropy_mean)
    tf.summary.scalar("total_loss", total_loss)
    merged = tf.summary.merge_all()

    learning_rate = tf.train.exponential_decay(
        LEARNING_RATE_BASE, global_step, mnist.train.num_examples / BATCH_SIZE, LEARNING_RATE_DECAY)
    train_step = tf.train.GradientDescentOptimizer(learning_rate).minimize(
        cross_entropy_mean, global_step=global_step)

    writer = tf.summary.FileWriter(LOG_DIR, tf.get_default_graph())
    with tf.Session() as sess:
        tf.global_variables_initializer().run()
        for i in range(TRAINING_STEPS):
            xs, ys = mnist.train.next_batch(BATCH_SIZE)
            xs = np.reshape(xs, [BATCH_SIZE, IMAGE_SIZE, IMAGE_SIZE, NUM_CHANNELS])
            summary, _, step = sess.run([merged, train_step, global_step], feed_dict={x: xs, y_: ys})
            writer.add_summary(summary, step)
    writer.close()


if __name__ == "__main__":
    train(input_data.read_data_sets("/tmp/data/MNIST", one_hot=True))

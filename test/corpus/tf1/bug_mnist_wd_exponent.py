# Idiom seen in: zakizhou/mnist_input_pipeline mnist.py
# What it reproduces: single-module MNIST convnet with the tutorial's weight-decay helper and the
#   collection summed into the loss (wiring correct). Realistic mistake: the fully connected decay was
#   typed 5e4 instead of 5e-4, so with plain SGD at lr 1e-3 lr*wd = 50 and decay alone flips and grows
#   the weights every step.
import tensorflow as tf

from mnist_input import mnist_inputs

BATCH_SIZE = 128
NUM_CLASSES = 10
LEARNING_RATE = 0.001
CONV_WEIGHT_DECAY = None
FC_WEIGHT_DECAY = 5e4  # expect: WD301
NUM_STEPS = 20000


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        tf.add_to_collection('losses', tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss'))
    return var


def convolution(inputs, kernel_size):
    kernel = _variable_with_weight_decay("kernel", kernel_size, 0.1, CONV_WEIGHT_DECAY)
    bias = tf.get_variable("bias", [kernel_size[-1]], initializer=tf.constant_initializer(0.))
    relu = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(inputs, kernel, [1, 1, 1, 1], "SAME"), bias))
    return tf.nn.max_pool(relu, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")


def inference(images):
    with tf.variable_scope("conv1"):
        h = convolution(images, [5, 5, 1, 64])
    with tf.variable_scope("conv2"):
        h = convolution(h, [5, 5, 64, 128])
    h = tf.reshape(h, [BATCH_SIZE, -1])
    dim = h.get_shape()[-1].value
    with tf.variable_scope("fully_connection"):
        w = _variable_with_weight_decay("weights", [dim, 256], 0.1, FC_WEIGHT_DECAY)
        b = tf.get_variable("bias", [256], initializer=tf.constant_initializer(0.))
        h = tf.nn.relu(tf.nn.xw_plus_b(h, w, b))
    with tf.variable_scope("output"):
        w = _variable_with_weight_decay("weights", [256, NUM_CLASSES], 0.1, FC_WEIGHT_DECAY)
        b = tf.get_variable("bias", [NUM_CLASSES], initializer=tf.constant_initializer(0.))
        return tf.nn.xw_plus_b(h, w, b, name="logits")


def loss(logits, labels):
    xent = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labels))
    tf.add_to_collection('losses', xent)
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def train(total_loss, learning_rate):
    optimizer = tf.train.GradientDescentOptimizer(learning_rate=learning_rate)
    return optimizer.minimize(total_loss)


def main():
    images, labels = mnist_inputs(min_after_dequeue=20000)
    logits = inference(images)
    total_loss = loss(logits, labels)
    train_op = train(total_loss, LEARNING_RATE)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        for step in range(NUM_STEPS):
            _, value = sess.run([train_op, total_loss])
            if step % 100 == 0:
                print("step %d, loss %.4f" % (step, value))
        coord.request_stop()
        coord.join(threads)


if __name__ == "__main__":
    main()

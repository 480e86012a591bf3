# Idiom seen in: tangsong41/stu_py python-tensorflow-master/z-degraded-chapter02_tensorflow/forward.py
# Idiom seen in: tangsong41/stu_py python-tensorflow-master/z-degraded-chapter02_tensorflow/backword.py
# What it reproduces: the course forward/backward/test split on MNIST: get_weight adds
#   l2_regularizer(REGULARIZER)(w) to "losses" when a regularizer is given, backward() minimizes
#   ce + add_n(get_collection("losses")) with SGD (lr 0.1 * 1e-4), the test script builds forward(x, None): clean.
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

import mnist_backward
import mnist_forward


def test(mnist):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, mnist_forward.INPUT_NODE])
        y_ = tf.placeholder(tf.float32, [None, mnist_forward.OUTPUT_NODE])
        y = mnist_forward.forward(x, None)
        ema = tf.train.ExponentialMovingAverage(mnist_backward.MOVING_AVERAGE_DECAY)
        saver = tf.train.Saver(ema.variables_to_restore())
        correct = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
        accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
        with tf.Session() as sess:
            ckpt = tf.train.get_checkpoint_state(mnist_backward.MODEL_SAVE_PATH)
            if ckpt and ckpt.model_checkpoint_path:
                saver.restore(sess, ckpt.model_checkpoint_path)
                acc = sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels})
                print("test accuracy = %g" % acc)


if __name__ == '__main__':
    test(input_data.read_data_sets("./data/", one_hot=True))

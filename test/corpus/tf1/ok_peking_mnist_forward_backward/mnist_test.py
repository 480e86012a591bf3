# Idiom seen in: DreamonZhu/AI ML/Peking_tensorflow/mnist_accurancy_number/test.py
# What it reproduces: the course's test module, which rebuilds the forward pass with regularizer=None
#   (no decay is needed for evaluation) and restores the EMA shadow variables.
import time

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

import mnist_forward
import mnist_backward

TEST_INTERVAL_SECS = 5


def test(mnist):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, mnist_forward.INPUT_NODE])
        y_ = tf.placeholder(tf.float32, [None, mnist_forward.OUTPUT_NODE])
        y = mnist_forward.forward(x, None)

        ema = tf.train.ExponentialMovingAverage(mnist_backward.MOVING_AVERAGE_DECAY)
        saver = tf.train.Saver(ema.variables_to_restore())
        correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
        accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

        while True:
            with tf.Session() as sess:
                ckpt = tf.train.get_checkpoint_state(mnist_backward.MODEL_SAVE_PATH)
                if ckpt and ckpt.model_checkpoint_path:
                    saver.restore(sess, ckpt.model_checkpoint_path)
                    acc = sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels})
                    print('test accuracy = %g' % acc)
                else:
                    print('No checkpoint file found')
                    return
            time.sleep(TEST_INTERVAL_SECS)


def main():
    mnist = input_data.read_data_sets('./data/', one_hot=True)
    test(mnist)


if __name__ == '__main__':
    main()

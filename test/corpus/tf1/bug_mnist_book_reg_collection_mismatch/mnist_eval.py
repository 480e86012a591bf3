# Idiom seen in: camelboat/Tensorflow_Learning mnist_train.py
# What it reproduces: the book's evaluation module, which rebuilds inference with regularizer=None and
#   restores the moving-average weights saved by mnist_train.
import time

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

import mnist_inference
import mnist_train

EVAL_INTERVAL_SECS = 10


def evaluate(mnist):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, mnist_inference.INPUT_NODE], name='x-input')
        y_ = tf.placeholder(tf.float32, [None, mnist_inference.OUTPUT_NODE], name='y-input')
        y = mnist_inference.inference(x, None)
        correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
        accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
        variable_averages = tf.train.ExponentialMovingAverage(mnist_train.MOVING_AVERAGE_DECAY)
        saver = tf.train.Saver(variable_averages.variables_to_restore())
        while True:
            with tf.Session() as sess:
                ckpt = tf.train.get_checkpoint_state(mnist_train.MODEL_SAVE_PATH)
                if not (ckpt and ckpt.model_checkpoint_path):
                    print('No checkpoint file found')
                    return
                saver.restore(sess, ckpt.model_checkpoint_path)
                score = sess.run(accuracy, feed_dict={x: mnist.validation.images, y_: mnist.validation.labels})
                print('validation accuracy = %g' % score)
            time.sleep(EVAL_INTERVAL_SECS)


def main(argv=None):
    mnist = input_data.read_data_sets('/tmp/data', one_hot=True)
    evaluate(mnist)


if __name__ == '__main__':
    tf.app.run()

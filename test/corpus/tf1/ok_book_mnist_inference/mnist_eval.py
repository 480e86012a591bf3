# Idiom seen in: linchaolong-learn/TensorflowLearn mnist_eval.py
# What it reproduces: the evaluation half: inference(x, None) on purpose (no regularization loss is needed to
#   score the model); the decay helper stays live because the training script passes a regularizer. Clean.
import time

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

import mnist_inference
import mnist_train

EVAL_INTERVAL_SECS = 10


def evaluate(mnist):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, mnist_inference.INPUT_NODE], name="x-input")
        y_ = tf.placeholder(tf.float32, [None, mnist_inference.OUTPUT_NODE], name="y-input")
        feed = {x: mnist.validation.images, y_: mnist.validation.labels}

        y = mnist_inference.inference(x, None)
        correct = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
        accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))

        ema = tf.train.ExponentialMovingAverage(mnist_train.MOVING_AVERAGE_DECAY)
        saver = tf.train.Saver(ema.variables_to_restore())
        while True:
            with tf.Session() as sess:
                ckpt = tf.train.get_checkpoint_state(mnist_train.MODEL_SAVE_PATH)
                if ckpt and ckpt.model_checkpoint_path:
                    saver.restore(sess, ckpt.model_checkpoint_path)
                    print("validation accuracy %g" % sess.run(accuracy, feed_dict=feed))
                else:
                    return
            time.sleep(EVAL_INTERVAL_SECS)


def main(argv=None):
    evaluate(input_data.read_data_sets("/tmp/data", one_hot=True))


if __name__ == "__main__":
    tf.app.run()

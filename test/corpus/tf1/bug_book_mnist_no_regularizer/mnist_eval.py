# Idiom seen in: lepangdan/tensorflow_learning mnist_eval.py
# What it reproduces: the evaluation script, which (as in the repo) calls inference(x, None); with the training
#   script also passing None, no call of the helper ever decays anything (see mnist_inference.py).
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

import mnist_inference
import mnist_train


def evaluate(mnist):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, mnist_inference.INPUT_NODE], name="x-input")
        y_ = tf.placeholder(tf.float32, [None, mnist_inference.OUPUT_NODE], name="y_input")
        y = mnist_inference.inference(x, None)
        accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1)), tf.float32))
        saver = tf.train.Saver()
        with tf.Session() as sess:
            ckpt = tf.train.get_checkpoint_state(mnist_train.MODEL_SAVE_PATH)
            if ckpt and ckpt.model_checkpoint_path:
                saver.restore(sess, ckpt.model_checkpoint_path)
                print(sess.run(accuracy, feed_dict={x: mnist.validation.images,
                                                    y_: mnist.validation.labels}))


def main(argv=None):
    evaluate(input_data.read_data_sets("/tmp/data/MNIST", one_hot=True))


if __name__ == "__main__":
    tf.app.run()

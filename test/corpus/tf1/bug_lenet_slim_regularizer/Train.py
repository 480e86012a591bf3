# Idiom seen in: ganyc717/LeNet Train.py
# What it reproduces: the training script only runs lenet.train_op; nothing reads the
#   regularization losses created by the model's arg_scope.
import os

import tensorflow as tf
import tensorflow.examples.tutorials.mnist.input_data as input_data

import config as cfg
from lenet import Lenet


def main():
    mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
    sess = tf.Session()
    parameter_path = cfg.PARAMETER_FILE
    lenet = Lenet()
    max_iter = cfg.MAX_ITER

    saver = tf.train.Saver()
    if os.path.exists(parameter_path):
        saver.restore(sess, parameter_path)
    else:
        sess.run(tf.global_variables_initializer())

    for i in range(max_iter):
        batch = mnist.train.next_batch(cfg.BATCH_SIZE)
        if i % 100 == 0:
            train_accuracy = sess.run(lenet.train_accuracy, feed_dict={
                lenet.raw_input_image: batch[0], lenet.raw_input_label: batch[1]})
            print("step %d, training accuracy %g" % (i, train_accuracy))
        sess.run(lenet.train_op, feed_dict={lenet.raw_input_image: batch[0],
                                            lenet.raw_input_label: batch[1]})
    saver.save(sess, parameter_path)


if __name__ == '__main__':
    main()

# Idiom seen in: NanWangAC/lenet5Mnist mnist_lenet5_backward.py
# Idiom seen in: NanWangAC/lenet5Mnist mnist_lenet5_forward.py
# What it reproduces: the forward/backward course split (get_weight adds l2_regularizer(r)(w) to 'losses'); a realistic mistake
#   on the repo's correct code: backward still builds loss = cem + add_n(get_collection('losses')) and prints it, but the
#   optimizer is given cem, so the summed decay is never minimized (WD105 on the sum).
import os

import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

import mnist_lenet5_forward

os.environ['TF_CPP_MIN_LOG_LEVEL'] = '3'

BATCH_SIZE = 100
LEARNING_RATE_BASE = 0.005
LEARNING_RATE_DECAY = 0.99
REGULARIZER = 0.0001
STEPS = 50000
MOVING_AVERAGE_DECAY = 0.99
MODEL_SAVE_PATH = './model/'
MODEL_NAME = 'mnist_model'


def backward(mnist):
    x = tf.placeholder(tf.float32, [BATCH_SIZE,
                                    mnist_lenet5_forward.IMAGE_SIZE,
                                    mnist_lenet5_forward.IMAGE_SIZE,
                                    mnist_lenet5_forward.NUM_CHANNELS])
    y_ = tf.placeholder(tf.float32, [None, mnist_lenet5_forward.OUTPUT_NODE])
    y = mnist_lenet5_forward.forward(x, True, REGULARIZER)
    global_step = tf.Variable(0, trainable=False)

    ce = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=tf.argmax(y_, 1))
    cem = tf.reduce_mean(ce)
    loss = cem + tf.add_n(tf.get_collection('losses'))  # expect: WD105

    learning_rate = tf.train.exponential_decay(
        LEARNING_RATE_BASE, global_step,
        mnist.train.num_examples / BATCH_SIZE,
        LEARNING_RATE_DECAY, staircase=True)

    # "the regularized loss looked too noisy, train on the data term and just print the total"
    train_step = tf.train.GradientDescentOptimizer(learning_rate).minimize(cem, global_step=global_step)

    ema = tf.train.ExponentialMovingAverage(MOVING_AVERAGE_DECAY, global_step)
    ema_op = ema.apply(tf.trainable_variables())
    with tf.control_dependencies([train_step, ema_op]):
        train_op = tf.no_op(name='train')

    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        ckpt = tf.train.get_checkpoint_state(MODEL_SAVE_PATH)
        if ckpt and ckpt.model_checkpoint_path:
            saver.restore(sess, ckpt.model_checkpoint_path)

        for i in range(STEPS):
            xs, ys = mnist.train.next_batch(BATCH_SIZE)
            reshaped_xs = np.reshape(xs, (BATCH_SIZE,
                                          mnist_lenet5_forward.IMAGE_SIZE,
                                          mnist_lenet5_forward.IMAGE_SIZE,
                                          mnist_lenet5_forward.NUM_CHANNELS))
            _, loss_value, step = sess.run([train_op, loss, global_step],
                                           feed_dict={x: reshaped_xs, y_: ys})
            if i % 100 == 0:
                print('After %d training step(s), loss on training batch is %g.' % (step, loss_value))
                saver.save(sess, os.path.join(MODEL_SAVE_PATH, MODEL_NAME), global_step=global_step)


def main():
    mnist = input_data.read_data_sets('./data/', one_hot=True)
    backward(mnist)


if __name__ == '__main__':
    main()

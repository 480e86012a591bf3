# Idiom seen in: lepangdan/tensorflow_learning mnist_train.py
# What it reproduces: the repo's training script (MNIST read from gzip files by hand, EMA, exponential LR decay) after
#   the user switched the regularizer off with inference(x, None) and dropped the now-empty tf.add_n of 'losses'; no
#   call enables the helper's decay (WD303 reported in mnist_inference.py at the guard).
import gzip
import os

import numpy as np
import tensorflow as tf

import mnist_inference

DATA_PATH = "data"
REGULARAZITION_RATE = 0.0001
LEARNING_RATE_BASE = 0.8
LEARNING_RATE_DECAY = 0.99
BATCH_SIZE = 100
TRAINING_STEPS = 50000
MOVING_AVERAGE_DECAY = 0.99
MODEL_SAVE_PATH = "Model"
MODEL_NAME = "mnist"


def extract_data(filename, num_images):
    with gzip.open(filename) as bytestream:
        bytestream.read(16)
        buf = bytestream.read(num_images * 28 * 28)
        data = np.frombuffer(buf, dtype=np.uint8).astype(np.float32)
        return ((data / 255) - 0.5).reshape(num_images, 28 * 28)


def extract_labels(filename, num_images):
    with gzip.open(filename) as bytestream:
        bytestream.read(8)
        labels = np.frombuffer(bytestream.read(num_images), dtype=np.uint8)
    return (np.arange(10) == labels[:, None]).astype(np.float32)


def train(train_data, train_labels):
    x = tf.placeholder(tf.float32, [None, mnist_inference.INPUT_NODE], name="x-input")
    y_ = tf.placeholder(tf.float32, [None, mnist_inference.OUPUT_NODE], name="y-input")
    # regularize = tf.contrib.layers.l2_regularizer(REGULARAZITION_RATE)
    y = mnist_inference.inference(input_tensor=x, regularizer=None)
    cross_entropy = tf.nn.softmax_cross_entropy_with_logits(logits=y, labels=y_)
    loss = tf.reduce_mean(cross_entropy)

    global_step = tf.Variable(0, trainable=False)
    ema = tf.train.ExponentialMovingAverage(MOVING_AVERAGE_DECAY, global_step)
    ema_op = ema.apply(tf.trainable_variables())
    learning_rate = tf.train.exponential_decay(LEARNING_RATE_BASE, global_step, 60000 / BATCH_SIZE,
                                               LEARNING_RATE_DECAY)
    train_step = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss, global_step=global_step)
    train_op = tf.group(train_step, ema_op)

    saver = tf.train.Saver()
    with tf.Session() as sess:
        tf.global_variables_initializer().run()
        if not os.path.isdir(MODEL_SAVE_PATH):
            os.makedirs(MODEL_SAVE_PATH)
        for i in range(TRAINING_STEPS):
            start = (i * BATCH_SIZE) % 60000
            end = min(start + BATCH_SIZE, 60000)
            _, loss_value, step = sess.run([train_op, loss, global_step],
                                           feed_dict={x: train_data[start:end], y_: train_labels[start:end]})
            if step % 1000 == 0:
                print("After %d training steps, loss on training batch is %g." % (step, loss_value))
                saver.save(sess, os.path.join(MODEL_SAVE_PATH, MODEL_NAME), global_step=global_step)


def main(argv=None):
    train(extract_data(os.path.join(DATA_PATH, "train-images-idx3-ubyte.gz"), 60000),
          extract_labels(os.path.join(DATA_PATH, "train-labels-idx1-ubyte.gz"), 60000))


if __name__ == "__main__":
    tf.app.run()

# Idiom seen in: tearsforyears/mnist_cnn model/train.py
# What it reproduces: the training script builds an l2_regularizer from settings, passes it into forward() of the inference module, and adds tf.losses.get_regularization_loss() to the cross entropy believing that picks up the penalties. Bug: the penalties sit in the "reg" collection, which get_regularization_loss() does not read (it returns 0), so the decay never reaches the minimized loss (WD101 on the add_to_collection line in inference.py).
import os

import numpy as np
import tensorflow as tf

from settings import *  # noqa: F401,F403  REG_RATE, LEARNING_RATE_BASE, BATCH_SIZE, ...
from model.inference import forward
from preprocessing.load import load


def train():
    x = tf.placeholder(tf.float32, [None, IMAGE_HEIGHT, IMAGE_WIDTH, IMAGE_DEEP], name="input_x")
    y_ = tf.placeholder(tf.float32, [None, RESULT_KIND], name="input_y")

    regularizer = tf.contrib.layers.l2_regularizer(REG_RATE)
    logits = forward(x, train=True, regularizer=regularizer)

    global_step = tf.Variable(0, trainable=False)
    cross_entropy = tf.reduce_mean(
        tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=logits))
    reg_term = tf.losses.get_regularization_loss()
    loss = cross_entropy + reg_term

    learning_rate = tf.train.exponential_decay(LEARNING_RATE_BASE, global_step,
                                               TRAIN_SIZE / BATCH_SIZE, LEARNING_RATE_DECAY,
                                               staircase=True)
    train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(
        loss, global_step=global_step)

    tf.summary.scalar("cross_entropy", cross_entropy)
    tf.summary.scalar("reg_term", reg_term)
    merged = tf.summary.merge_all()

    images, labels = load()
    saver = tf.train.Saver()
    with tf.Session() as sess:
        writer = tf.summary.FileWriter(LOG_DIR, sess.graph)
        tf.global_variables_initializer().run()
        for i in range(TRAINING_STEPS):
            idx = np.random.randint(0, images.shape[0], BATCH_SIZE)
            _, loss_value, step, summ = sess.run(
                [train_op, loss, global_step, merged],
                feed_dict={x: images[idx], y_: labels[idx]})
            writer.add_summary(summ, step)
            if i % 1000 == 0:
                print("step %d, loss on batch %g" % (step, loss_value))
                saver.save(sess, os.path.join(MODEL_SAVE_PATH, MODEL_NAME), global_step=global_step)


def main():
    train()


if __name__ == '__main__':
    main()

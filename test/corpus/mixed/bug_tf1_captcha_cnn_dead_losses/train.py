# Idiom seen in: zhuguangfei/ReadBookAi model1.py (train(): placeholders, AdadeltaOptimizer(...).minimize(loss_), data from data_util)
# What it reproduces: the training script minimizes model.loss()'s cross entropy only; nothing here or in model.py reads tf.get_collection('losses'), so the wd=0.004 terms never reach the optimizer (bug, WD101 labelled in model.py).
import os

import numpy as np
import tensorflow as tf

import model
from data_util import get_xy  # not in this folder

BATCH_SIZE = 10
LEARNING_RATE = 0.001
TRAIN_EPOCHS = 30
SAVE_DIR = 'save'


def get_batch(X, Y):
    idx = np.random.choice(len(X), BATCH_SIZE)
    return X[idx], Y[idx]


def train():
    X, Y = get_xy()
    train_x = tf.placeholder(tf.float32,
                             [None, model.IMG_H, model.IMG_W, model.CHANNELS])
    train_y = tf.placeholder(tf.int32, [None, model.MAX_LEN])

    logits = model.build_graph(train_x)
    loss_, predicts = model.loss(logits, train_y)
    train_op = tf.train.AdadeltaOptimizer(
        learning_rate=LEARNING_RATE).minimize(loss_)

    tf.summary.scalar('ocr_loss', loss_)
    merged = tf.summary.merge_all()

    saver = tf.train.Saver(max_to_keep=5)
    os.makedirs(SAVE_DIR, exist_ok=True)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        writer = tf.summary.FileWriter(SAVE_DIR, sess.graph)
        for step in range(TRAIN_EPOCHS):
            batch_x, batch_y = get_batch(X, Y)
            _, loss_value, summ = sess.run(
                [train_op, loss_, merged],
                feed_dict={train_x: batch_x, train_y: batch_y})
            writer.add_summary(summ, step)
            print('step %d, loss %.4f' % (step, loss_value))
            saver.save(sess, os.path.join(SAVE_DIR, 'checkpoint'),
                       global_step=step)


if __name__ == '__main__':
    train()

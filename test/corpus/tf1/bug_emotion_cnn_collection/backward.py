# Idiom seen in: baiyang2464/AI dl/nn/cnn/emotion/forward.py
# Idiom seen in: baiyang2464/AI dl/nn/cnn/emotion/backward.py
# What it reproduces: the repository's own bug: get_weight() adds l2_regularizer terms to the 'losses'
#   collection for every conv/fc weight, but backward.py minimizes the bare cross entropy; the collection is never read.
# coding:utf8
import os
import numpy as np
import pandas as pd
import tensorflow as tf
import forward

MODEL_SAVE_PATH = "./model"
MODEL_NAME = "emotion_model"
class_sum = 7
REGULARIZER = 0.0001
train_num = 200
batch_size = 20
train_epoch = 50

data = pd.read_csv('./face.csv', dtype='a')
label = np.array(data['emotion'])
img_data = np.array(data['pixels'])
Face_data = np.zeros((label.size, 48 * 48))
Face_label = np.zeros((label.size, class_sum), dtype=int)


def init_data():
    for i in range(label.size):
        x = np.fromstring(img_data[i], dtype=float, sep=' ')
        Face_data[i] = x / x.max()
        Face_label[i, int(label[i])] = 1


def backward():
    init_data()
    x = tf.placeholder(tf.float32, [None, 48 * 48])
    y = tf.placeholder(tf.float32, [None, class_sum])
    pred = forward.forward(x, True, REGULARIZER)
    global_step = tf.Variable(0, trainable=False)

    cross_entropy = -tf.reduce_sum(y * tf.log(pred))
    train_step = tf.train.AdamOptimizer(1e-4).minimize(cross_entropy, global_step=global_step)
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1)), "float"))

    saver = tf.train.Saver(max_to_keep=1)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(train_epoch):
            for b in range(train_num // batch_size):
                bx = Face_data[b * batch_size:(b + 1) * batch_size]
                by = Face_label[b * batch_size:(b + 1) * batch_size]
                _, step, acc = sess.run([train_step, global_step, accuracy], feed_dict={x: bx, y: by})
            print("epoch %d step %d acc %.3f" % (epoch, step, acc))
            saver.save(sess, os.path.join(MODEL_SAVE_PATH, MODEL_NAME), global_step=global_step)


if __name__ == '__main__':
    backward()

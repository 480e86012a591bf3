# Idiom seen in: Freshield/LEARN_TENSORFLOW 20_Project/03_model_CNN/simple_CNN.py
# Idiom seen in: Freshield/LEARN_TENSORFLOW 20_Project/02_simple_convolutional/simple_CNN_hyper.py
# What it reproduces: the script that sets module-level hyperparameters and trains with plain SGD. reg is
#   taken as 1/C of an SVM baseline (5.0), so each layer's decay factor is 0.5 * reg = 2.5 and
#   lr * 2.5 = 1.25 >= 1: the decay step flips the weights' sign (user mistake; the repository used Adam
#   with reg in 0.01..0.05).
import numpy as np
import tensorflow as tf

import cnn_model as model
from span_data import load_span_dataset  # .mat reader for the span measurements, not in this folder

lr_rate = 0.5
reg = 5.0  # expect: WD301
stddev = 0.1
batch_size = 100
epochs = 50
conv1_depth, conv2_depth, fc1_size = 32, 64, 256

train_set, valid_set = load_span_dataset('./data/span_20170619.mat')

x = tf.placeholder(tf.float32, [None, 20, 28, 1], name='input')
y_ = tf.placeholder(tf.int64, [None], name='labels')
y_one_hot = tf.one_hot(y_, 3)

y, total_parameters, keep_prob = model.get_logits(x, conv1_depth, conv2_depth, fc1_size, 3, stddev)
loss = model.get_loss(y, y_one_hot, total_parameters, reg)
train_op = model.get_train_op(loss, lr_rate, optimizer=tf.train.GradientDescentOptimizer)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(y, 1), y_), tf.float32))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(epochs):
        order = np.random.permutation(train_set['x'].shape[0])
        for start in range(0, len(order) - batch_size + 1, batch_size):
            idx = order[start:start + batch_size]
            sess.run(train_op, feed_dict={x: train_set['x'][idx], y_: train_set['y'][idx], keep_prob: 0.5})
        acc = sess.run(accuracy, feed_dict={x: valid_set['x'], y_: valid_set['y'], keep_prob: 1.0})
        print('epoch %d valid accuracy %.4f' % (epoch, acc))

# Idiom seen in: meJayu/Tensorflow-CIFAR10 cifar10.py
# What it reproduces: get_variable weights and an AdamOptimizer minimizing the bare cross entropy; the user
# adds an L2 term over the weight matrices but only logs it with tf.summary, never adds it to the loss (WD104).
import os
import time
import numpy as np
import tensorflow as tf

from get_data import get_data

IMAGE_DIM = 32
IMAGE_DEPTH = 3
IMG_FLAT = IMAGE_DIM * IMAGE_DIM * IMAGE_DEPTH
NUM_CLASSES = 10
BATCH_SIZE = 64
WEIGHT_DECAY = 5e-4


def he_init():
    return tf.contrib.layers.variance_scaling_initializer(factor=2.0, mode='FAN_IN', uniform=False)


def model(images):
    with tf.name_scope('conv_1') as scope:
        conv_weight1 = tf.get_variable('conv_weights1', shape=[3, 3, 3, 16], initializer=he_init())
        conv = tf.nn.conv2d(images, conv_weight1, strides=[1, 1, 1, 1], padding='SAME')
        biases = tf.Variable(tf.constant(0.01, shape=[16]))
        conv1 = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope)
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')

    with tf.name_scope('conv_2') as scope:
        conv_weight2 = tf.get_variable('conv_weights2', shape=[3, 3, 16, 32], initializer=he_init())
        conv = tf.nn.conv2d(pool1, conv_weight2, strides=[1, 1, 1, 1], padding='SAME')
        biases = tf.Variable(tf.constant(0.01, shape=[32]))
        conv2 = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope)
    pool2 = tf.nn.max_pool(conv2, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')

    activations = tf.contrib.layers.flatten(pool2)
    with tf.name_scope('fc1'):
        fc_weight1 = tf.get_variable('fc_weights1', shape=[2048, 64], initializer=he_init())
        fc1 = tf.nn.relu(tf.matmul(activations, fc_weight1) + tf.Variable(tf.constant(0.01, shape=[64])))
    with tf.name_scope('fc2'):
        fc_weight2 = tf.get_variable('fc_weights2', shape=[64, NUM_CLASSES], initializer=he_init())
        logits = tf.matmul(fc1, fc_weight2) + tf.Variable(tf.constant(0.01, shape=[NUM_CLASSES]))
    return logits, [conv_weight1, conv_weight2, fc_weight1, fc_weight2]


def optimize(iterations):
    xs_images = tf.placeholder(tf.float32, shape=[None, IMG_FLAT], name='images')
    xs = tf.reshape(xs_images, shape=[-1, IMAGE_DIM, IMAGE_DIM, IMAGE_DEPTH])
    ys_labels = tf.placeholder(tf.int32, shape=[None], name='labels')
    ys = tf.one_hot(ys_labels, depth=NUM_CLASSES)

    logits, weights = model(xs)
    cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=ys, logits=logits))
    l2_penalty = WEIGHT_DECAY * tf.add_n([tf.nn.l2_loss(w) for w in weights])  # expect: WD104
    tf.summary.scalar('l2_penalty', l2_penalty)
    tf.summary.scalar('cross_entropy', cross_entropy)
    train_net = tf.train.AdamOptimizer(1e-4).minimize(cross_entropy)

    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(ys, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
    merged = tf.summary.merge_all()

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        writer = tf.summary.FileWriter('./logs', sess.graph)
        start = time.time()
        for i in range(iterations):
            images, labels = get_data(batch=i % 4, isTraining=True)
            for j in range(images.shape[0] // BATCH_SIZE):
                feed = {xs_images: images[j * BATCH_SIZE:(j + 1) * BATCH_SIZE],
                        ys_labels: labels[j * BATCH_SIZE:(j + 1) * BATCH_SIZE]}
                _, acc, summ = sess.run([train_net, accuracy, merged], feed)
            writer.add_summary(summ, i)
        print('done in %.1fs, last batch acc %.3f' % (time.time() - start, acc))


if __name__ == '__main__':
    optimize(int(os.environ.get('ITERS', '40')))

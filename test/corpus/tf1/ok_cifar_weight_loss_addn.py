# Idiom seen in: HaowenLai/cifar10 cifar10_train.py
# What it reproduces: book-style CIFAR-10 CNN with variable_with_weight_loss(shape, stddev, wl) adding
#   wl*l2_loss to "losses"; the loss is tf.add_n(tf.get_collection("losses")) and Adam minimizes it (clean).
import time

import numpy as np
import tensorflow as tf

import cifar10_input

max_steps = 3000
batch_size = 128
data_dir = '/tmp/cifar10_data/cifar-10-batches-bin'


def variable_with_weight_loss(shape, stddev, wl):
    var = tf.Variable(tf.truncated_normal(shape, stddev=stddev))
    if wl is not None:
        weight_loss = tf.multiply(tf.nn.l2_loss(var), wl, name='weight_loss')
        tf.add_to_collection('losses', weight_loss)
    return var


def loss(logits, labels):
    labels = tf.cast(labels, tf.int64)
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels,
                                                                   name='cross_entropy_per_example')
    tf.add_to_collection('losses', tf.reduce_mean(cross_entropy, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


images_train, labels_train = cifar10_input.distorted_inputs(data_dir=data_dir, batch_size=batch_size)
images_test, labels_test = cifar10_input.inputs(eval_data=True, data_dir=data_dir, batch_size=batch_size)

image_holder = tf.placeholder(tf.float32, [batch_size, 24, 24, 3])
label_holder = tf.placeholder(tf.int32, [batch_size])

weight1 = variable_with_weight_loss(shape=[5, 5, 3, 64], stddev=5e-2, wl=0.0)
bias1 = tf.Variable(tf.constant(0.0, shape=[64]))
conv1 = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(image_holder, weight1, [1, 1, 1, 1], padding='SAME'), bias1))
pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
norm1 = tf.nn.lrn(pool1, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75)

weight2 = variable_with_weight_loss(shape=[5, 5, 64, 64], stddev=5e-2, wl=0.0)
bias2 = tf.Variable(tf.constant(0.1, shape=[64]))
conv2 = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(norm1, weight2, [1, 1, 1, 1], padding='SAME'), bias2))
norm2 = tf.nn.lrn(conv2, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75)
pool2 = tf.nn.max_pool(norm2, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')

reshape = tf.reshape(pool2, [batch_size, -1])
dim = reshape.get_shape()[1].value
weight3 = variable_with_weight_loss(shape=[dim, 384], stddev=0.04, wl=0.004)
local3 = tf.nn.relu(tf.matmul(reshape, weight3) + tf.Variable(tf.constant(0.1, shape=[384])))
weight4 = variable_with_weight_loss(shape=[384, 192], stddev=0.04, wl=0.004)
local4 = tf.nn.relu(tf.matmul(local3, weight4) + tf.Variable(tf.constant(0.1, shape=[192])))
weight5 = variable_with_weight_loss(shape=[192, 10], stddev=1 / 192.0, wl=0.0)
logits = tf.add(tf.matmul(local4, weight5), tf.Variable(tf.constant(0.0, shape=[10])))

total_loss = loss(logits, label_holder)
train_op = tf.train.AdamOptimizer(1e-3).minimize(total_loss)
top_k_op = tf.nn.in_top_k(logits, label_holder, 1)

sess = tf.InteractiveSession()
tf.global_variables_initializer().run()
tf.train.start_queue_runners()

for step in range(max_steps):
    start_time = time.time()
    image_batch, label_batch = sess.run([images_train, labels_train])
    _, loss_value = sess.run([train_op, total_loss], feed_dict={image_holder: image_batch, label_holder: label_batch})
    if step % 10 == 0:
        print('step %d, loss=%.2f (%.3f sec/batch)' % (step, loss_value, time.time() - start_time))

true_count = 0
for _ in range(10000 // batch_size):
    image_batch, label_batch = sess.run([images_test, labels_test])
    true_count += np.sum(sess.run([top_k_op], feed_dict={image_holder: image_batch, label_holder: label_batch}))
print('precision @ 1 = %.3f' % (true_count / float(10000 // batch_size * batch_size)))

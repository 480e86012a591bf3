# Idiom seen in: TalkUHulk/Tensorflow_Cifar10 cifar10.py
# What it reproduces: a tutorial-style CIFAR-10 net whose helper puts wl * l2_loss(w) into 'losses',
#   summed into the loss Adam minimizes. A user mistake in the idiom: the first dense layer is given
#   wl=-0.004 (sign slip), a negative decay that grows those weights (WD302 at the factor).
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


images_train, labels_train = cifar10_input.distorted_inputs(data_dir=data_dir, batch_size=batch_size)
image_holder = tf.placeholder(tf.float32, [batch_size, 24, 24, 3])
label_holder = tf.placeholder(tf.int32, [batch_size])

weight1 = variable_with_weight_loss(shape=[5, 5, 3, 64], stddev=5e-2, wl=0.0)
kernel1 = tf.nn.conv2d(image_holder, weight1, [1, 1, 1, 1], padding='SAME')
conv1 = tf.nn.relu(tf.nn.bias_add(kernel1, tf.Variable(tf.constant(0.0, shape=[64]))))
pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')

weight2 = variable_with_weight_loss(shape=[5, 5, 64, 64], stddev=5e-2, wl=0.0)
kernel2 = tf.nn.conv2d(pool1, weight2, [1, 1, 1, 1], padding='SAME')
conv2 = tf.nn.relu(tf.nn.bias_add(kernel2, tf.Variable(tf.constant(0.1, shape=[64]))))
pool2 = tf.nn.max_pool(conv2, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')

reshape = tf.reshape(pool2, [batch_size, -1])
dim = reshape.get_shape()[1].value
weight3 = variable_with_weight_loss(shape=[dim, 384], stddev=0.04, wl=-0.004)  # expect: WD302
local3 = tf.nn.relu(tf.matmul(reshape, weight3) + tf.Variable(tf.constant(0.1, shape=[384])))

weight4 = variable_with_weight_loss(shape=[384, 192], stddev=0.04, wl=0.004)
local4 = tf.nn.relu(tf.matmul(local3, weight4) + tf.Variable(tf.constant(0.1, shape=[192])))

weight5 = variable_with_weight_loss(shape=[192, 10], stddev=1 / 192.0, wl=0.0)
logits = tf.add(tf.matmul(local4, weight5), tf.Variable(tf.constant(0.0, shape=[10])))


def loss(logits, labels):
    labels = tf.cast(labels, tf.int64)
    xent = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels)
    tf.add_to_collection('losses', tf.reduce_mean(xent, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


loss = loss(logits, label_holder)
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)

sess = tf.InteractiveSession()
tf.global_variables_initializer().run()
tf.train.start_queue_runners()
for step in range(max_steps):
    start_time = time.time()
    image_batch, label_batch = sess.run([images_train, labels_train])
    _, loss_value = sess.run([train_op, loss], feed_dict={image_holder: image_batch, label_holder: label_batch})
    if step % 10 == 0:
        print('step %d, loss=%.2f (%.3f sec/batch)' % (step, loss_value, time.time() - start_time))
print(np.mean(loss_value))

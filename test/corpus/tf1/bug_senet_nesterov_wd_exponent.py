# Idiom seen in: taki0112/SENet-Tensorflow SE_ResNeXt.py
# What it reproduces: module-level hyperparameters, one explicit L2 sum over tf.trainable_variables()
#   scaled by `weight_decay` and minimized with Nesterov MomentumOptimizer (lr 0.1, m 0.9). Realistic
#   typo (the repo has 0.0005): the exponent sign is dropped, 5e4, so lr*wd = 5000 >> 2(1+m)/(1+2m).
import numpy as np
import tensorflow as tf
from tensorflow.contrib.layers import batch_norm, flatten
from tensorflow.contrib.framework import arg_scope
from cifar10 import *

weight_decay = 5e4  # expect: WD301
momentum = 0.9

init_learning_rate = 0.1
cardinality = 8
blocks = 3
depth = 64
reduction_ratio = 4

batch_size = 128
iteration = 391
total_epochs = 100


def conv_layer(x, filter, kernel, stride, padding='SAME', layer_name="conv"):
    with tf.name_scope(layer_name):
        return tf.layers.conv2d(inputs=x, use_bias=False, filters=filter,
                                kernel_size=kernel, strides=stride, padding=padding)


def Batch_Normalization(x, training, scope):
    with arg_scope([batch_norm], scope=scope, updates_collections=None, decay=0.9,
                   center=True, scale=True, zero_debias_moving_mean=True):
        return tf.cond(training,
                       lambda: batch_norm(inputs=x, is_training=training, reuse=None),
                       lambda: batch_norm(inputs=x, is_training=training, reuse=True))


def squeeze_excitation_layer(x, out_dim, ratio, layer_name):
    with tf.name_scope(layer_name):
        squeeze = tf.reduce_mean(x, axis=[1, 2])
        excitation = tf.layers.dense(squeeze, units=out_dim // ratio, use_bias=False)
        excitation = tf.nn.relu(excitation)
        excitation = tf.layers.dense(excitation, units=out_dim, use_bias=False)
        excitation = tf.reshape(tf.nn.sigmoid(excitation), [-1, 1, 1, out_dim])
        return x * excitation


def SE_ResNeXt(x, training):
    x = conv_layer(x, filter=64, kernel=[3, 3], stride=1, layer_name='first_conv')
    x = tf.nn.relu(Batch_Normalization(x, training, scope='first_batch'))
    for i, out_dim in enumerate([64, 128, 256]):
        for b in range(blocks):
            stride = 2 if (b == 0 and i > 0) else 1
            splits = []
            for c in range(cardinality):
                s = conv_layer(x, depth, [1, 1], 1, layer_name='split_%d_%d_%d_a' % (i, b, c))
                s = tf.nn.relu(Batch_Normalization(s, training, 'split_bn_%d_%d_%d_a' % (i, b, c)))
                s = conv_layer(s, depth, [3, 3], stride, layer_name='split_%d_%d_%d_b' % (i, b, c))
                splits.append(tf.nn.relu(Batch_Normalization(s, training, 'split_bn_%d_%d_%d_b' % (i, b, c))))
            y = conv_layer(tf.concat(splits, axis=3), out_dim, [1, 1], 1, layer_name='trans_%d_%d' % (i, b))
            y = Batch_Normalization(y, training, 'trans_bn_%d_%d' % (i, b))
            y = squeeze_excitation_layer(y, out_dim, reduction_ratio, 'se_%d_%d' % (i, b))
            shortcut = x if stride == 1 and int(x.shape[-1]) == out_dim else \
                conv_layer(x, out_dim, [1, 1], stride, layer_name='proj_%d_%d' % (i, b))
            x = tf.nn.relu(y + shortcut)
    x = flatten(tf.reduce_mean(x, axis=[1, 2]))
    return tf.layers.dense(x, units=class_num, use_bias=False, name='final_fully_connected')


train_x, train_y, test_x, test_y = prepare_data()
train_x, test_x = color_preprocessing(train_x, test_x)

x = tf.placeholder(tf.float32, shape=[None, image_size, image_size, img_channels])
label = tf.placeholder(tf.float32, shape=[None, class_num])
training_flag = tf.placeholder(tf.bool)

global_step = tf.train.get_or_create_global_step()
learning_rate = tf.train.exponential_decay(init_learning_rate, global_step,
                                           decay_steps=30 * iteration, decay_rate=0.1, staircase=True)

logits = SE_ResNeXt(x, training=training_flag)
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=label, logits=logits))

l2_loss = tf.add_n([tf.nn.l2_loss(var) for var in tf.trainable_variables()])
optimizer = tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=momentum, use_nesterov=True)
train = optimizer.minimize(cost + l2_loss * weight_decay, global_step=global_step)

accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(label, 1)), tf.float32))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(1, total_epochs + 1):
        pre_index = 0
        for step in range(1, iteration + 1):
            batch_x = data_augmentation(train_x[pre_index: pre_index + batch_size])
            batch_y = train_y[pre_index: pre_index + batch_size]
            _, batch_loss = sess.run([train, cost], feed_dict={x: batch_x, label: batch_y, training_flag: True})
            pre_index += batch_size
        acc = sess.run(accuracy, feed_dict={x: test_x[:1000], label: test_y[:1000], training_flag: False})
        print("epoch: %d/%d, test_acc: %.4f" % (epoch, total_epochs, acc))

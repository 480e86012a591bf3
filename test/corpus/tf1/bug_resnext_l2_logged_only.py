# Idiom seen in: taki0112/ResNeXt-Tensorflow ResNeXt.py
# What it reproduces: the script sums tf.nn.l2_loss over tf.trainable_variables() times weight_decay, but
# (a user mistake in the repo's idiom; the repo minimizes cost + l2_loss * weight_decay) the term only
# feeds the logged total while MomentumOptimizer minimizes the bare cross entropy.
import tensorflow as tf
from tflearn.layers.conv import global_avg_pool
from tensorflow.contrib.layers import batch_norm, flatten
from tensorflow.contrib.framework import arg_scope
from cifar10 import *
import numpy as np

weight_decay = 0.0005
momentum = 0.9

init_learning_rate = 0.1
cardinality = 8
blocks = 3
depth = 64

batch_size = 128
iteration = 391
total_epochs = 300


def conv_layer(input, filter, kernel, stride, padding='SAME', layer_name="conv"):
    with tf.name_scope(layer_name):
        return tf.layers.conv2d(inputs=input, use_bias=False, filters=filter,
                                kernel_size=kernel, strides=stride, padding=padding)


def Batch_Normalization(x, training, scope):
    with arg_scope([batch_norm], scope=scope, updates_collections=None,
                   decay=0.9, center=True, scale=True, zero_debias_moving_mean=True):
        return tf.cond(training,
                       lambda: batch_norm(inputs=x, is_training=training, reuse=None),
                       lambda: batch_norm(inputs=x, is_training=training, reuse=True))


class ResNeXt():
    def __init__(self, x, training):
        self.training = training
        self.model = self.Build_ResNext(x)

    def first_layer(self, x, scope):
        with tf.name_scope(scope):
            x = conv_layer(x, filter=64, kernel=[3, 3], stride=1, layer_name=scope + '_conv1')
            x = Batch_Normalization(x, training=self.training, scope=scope + '_batch1')
            return tf.nn.relu(x)

    def transform_layer(self, x, stride, scope):
        with tf.name_scope(scope):
            x = conv_layer(x, filter=depth, kernel=[1, 1], stride=1, layer_name=scope + '_conv1')
            x = Batch_Normalization(x, training=self.training, scope=scope + '_batch1')
            x = tf.nn.relu(x)
            x = conv_layer(x, filter=depth, kernel=[3, 3], stride=stride, layer_name=scope + '_conv2')
            x = Batch_Normalization(x, training=self.training, scope=scope + '_batch2')
            return tf.nn.relu(x)

    def residual_layer(self, input_x, out_dim, layer_num, res_block=blocks):
        for i in range(res_block):
            input_dim = int(np.shape(input_x)[-1])
            stride = 2 if input_dim * 2 == out_dim else 1
            splits = [self.transform_layer(input_x, stride=stride,
                                           scope='split_layer_' + layer_num + '_' + str(i) + '_' + str(c))
                      for c in range(cardinality)]
            x = tf.concat(splits, axis=3)
            x = conv_layer(x, filter=out_dim, kernel=[1, 1], stride=1,
                           layer_name='trans_layer_' + layer_num + '_' + str(i))
            x = Batch_Normalization(x, training=self.training,
                                    scope='trans_batch_' + layer_num + '_' + str(i))
            if stride == 2:
                pad_input_x = tf.layers.average_pooling2d(input_x, 2, 2, padding='SAME')
                pad_input_x = tf.pad(pad_input_x, [[0, 0], [0, 0], [0, 0],
                                                   [input_dim // 2, input_dim // 2]])
            else:
                pad_input_x = input_x
            input_x = tf.nn.relu(x + pad_input_x)
        return input_x

    def Build_ResNext(self, input_x):
        input_x = self.first_layer(input_x, scope='first_layer')
        x = self.residual_layer(input_x, out_dim=64, layer_num='1')
        x = self.residual_layer(x, out_dim=128, layer_num='2')
        x = self.residual_layer(x, out_dim=256, layer_num='3')
        x = global_avg_pool(x, name='Global_avg_pooling')
        x = flatten(x)
        return tf.layers.dense(inputs=x, use_bias=False, units=class_num, name='linear')


train_x, train_y, test_x, test_y = prepare_data()
train_x, test_x = color_preprocessing(train_x, test_x)

x = tf.placeholder(tf.float32, shape=[None, image_size, image_size, img_channels])
label = tf.placeholder(tf.float32, shape=[None, class_num])
training_flag = tf.placeholder(tf.bool)
learning_rate = tf.placeholder(tf.float32, name='learning_rate')

logits = ResNeXt(x, training=training_flag).model
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=label, logits=logits))

l2_loss = weight_decay * tf.add_n([tf.nn.l2_loss(var) for var in tf.trainable_variables()])  # expect: WD104
total_loss = cost + l2_loss
optimizer = tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=momentum, use_nesterov=True)
train = optimizer.minimize(cost)

correct_prediction = tf.equal(tf.argmax(logits, 1), tf.argmax(label, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
saver = tf.train.Saver(tf.global_variables())

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    summary_writer = tf.summary.FileWriter('./logs', sess.graph)
    epoch_learning_rate = init_learning_rate
    for epoch in range(1, total_epochs + 1):
        if epoch == (total_epochs * 0.5) or epoch == (total_epochs * 0.75):
            epoch_learning_rate = epoch_learning_rate / 10
        pre_index = 0
        train_acc = 0.0
        train_loss = 0.0
        for step in range(1, iteration + 1):
            batch_x = train_x[pre_index: pre_index + batch_size]
            batch_y = train_y[pre_index: pre_index + batch_size]
            batch_x = data_augmentation(batch_x)
            train_feed_dict = {x: batch_x, label: batch_y,
                               learning_rate: epoch_learning_rate, training_flag: True}
            _, batch_loss = sess.run([train, total_loss], feed_dict=train_feed_dict)
            train_loss += batch_loss
            train_acc += accuracy.eval(feed_dict=train_feed_dict)
            pre_index += batch_size
        train_loss /= iteration
        train_acc /= iteration
        print("epoch: %d/%d, train_loss: %.4f, train_acc: %.4f"
              % (epoch, total_epochs, train_loss, train_acc))
        saver.save(sess=sess, save_path='./model/ResNeXt.ckpt')

# Idiom seen in: JordanYeomans/DeepLearning Tensorflow_Models/TransferLearning/TFLearn_TimeSeries.py
# What it reproduces: a 1-D conv stack on sensor time series built with tf.layers.conv1d inside a variable_scope and a
#   DataCenter object holding placeholders; kernels carry an l2 regularizer and the loss adds get_regularization_loss(). Clean.
import tensorflow as tf

import DeepLearning.Tensorflow_Base_Functions.initialization as tfInitial


def Conv_Dense_l2(DataCenter, l2_scale=1e-4):
    tfInitial.initialize_placeholders(DataCenter)
    reg = tf.contrib.layers.l2_regularizer(l2_scale)
    last_layer = DataCenter.train_output_data.shape[1]
    with tf.variable_scope(DataCenter.model_scope):
        x = DataCenter.x_placeholder
        nn = tf.layers.conv1d(x, filters=64, kernel_size=5, activation=tf.nn.relu, kernel_regularizer=reg, name='conv1_1')
        nn = tf.layers.conv1d(nn, filters=64, kernel_size=5, activation=tf.nn.relu, kernel_regularizer=reg, name='conv1_2')
        nn = tf.layers.max_pooling1d(nn, pool_size=4, strides=2, name='max_pool1')
        nn = tf.layers.batch_normalization(nn, training=DataCenter.training_placeholder, name='batchnorm_1')
        nn = tf.layers.conv1d(nn, filters=128, kernel_size=5, activation=tf.nn.relu, kernel_regularizer=reg, name='conv2_1')
        nn = tf.layers.max_pooling1d(nn, pool_size=4, strides=2, name='max_pool2')
        nn = tf.layers.flatten(nn)
        nn = tf.layers.dropout(nn, 0.5, training=DataCenter.training_placeholder)
        nn = tf.layers.dense(nn, 256, activation=tf.nn.relu, kernel_regularizer=reg, name='dense1')
        output = tf.layers.dense(nn, last_layer, name='output')
    return output


def train(DataCenter, epochs=50):
    prediction = Conv_Dense_l2(DataCenter)
    mse = tf.losses.mean_squared_error(DataCenter.y_placeholder, prediction)
    cost = mse + tf.losses.get_regularization_loss()
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        optimizer = tf.train.AdamOptimizer(learning_rate=DataCenter.learning_rate).minimize(cost)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(epochs):
            for batch_x, batch_y in DataCenter.train_batches():
                _, c = sess.run([optimizer, cost], feed_dict={DataCenter.x_placeholder: batch_x,
                                                             DataCenter.y_placeholder: batch_y,
                                                             DataCenter.training_placeholder: True})
            print('Epoch', epoch, 'cost', c)

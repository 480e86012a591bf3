# Idiom seen in: broadsun/ml tf/4/tf_4_4_2.py
# What it reproduces: the book's 5-layer regression net: get_weight() adds
# tf.contrib.layers.l2_regularizer(lambda_)(var) to 'losses', the MSE is added to 'losses' too,
# but the optimizer minimizes mse_loss and the collection is never summed (WD101 in get_weight).
import numpy as np
import tensorflow as tf

import regression_data

BATCH_SIZE = 8
LAYER_DIMENSION = [2, 10, 10, 10, 1]
STEPS = 5000


def get_weight(shape, lambda_):
    var = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(lambda_)(var))  # expect: WD101
    return var


def build_net(x):
    n_layers = len(LAYER_DIMENSION)
    cur_layer = x
    in_dimension = LAYER_DIMENSION[0]
    for i in range(1, n_layers):
        out_dimension = LAYER_DIMENSION[i]
        weight = get_weight([in_dimension, out_dimension], 0.001)
        bias = tf.Variable(tf.constant(0.1, shape=[out_dimension]))
        cur_layer = tf.nn.relu(tf.matmul(cur_layer, weight) + bias)
        in_dimension = out_dimension
    return cur_layer


def main():
    data_x, data_y = regression_data.load('train.csv')
    x = tf.placeholder(tf.float32, shape=(None, 2))
    y_ = tf.placeholder(tf.float32, shape=(None, 1))
    y = build_net(x)

    mse_loss = tf.reduce_mean(tf.square(y_ - y))
    tf.add_to_collection('losses', mse_loss)
    train_step = tf.train.AdamOptimizer(0.001).minimize(mse_loss)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        dataset_size = data_x.shape[0]
        for i in range(STEPS):
            start = (i * BATCH_SIZE) % dataset_size
            end = min(start + BATCH_SIZE, dataset_size)
            sess.run(train_step, feed_dict={x: data_x[start:end], y_: data_y[start:end]})
            if i % 500 == 0:
                print("step %d, mse %g" % (i, sess.run(mse_loss, feed_dict={x: data_x, y_: data_y})))
        np.save('predictions.npy', sess.run(y, feed_dict={x: data_x}))


if __name__ == '__main__':
    main()

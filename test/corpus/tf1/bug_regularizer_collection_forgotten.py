# Idiom seen in: zhliuwenyu/mypython 4_2.py
# What it reproduces: get_weight() puts l2_regularizer(lambda1)(var) into the 'losses' collection for
#   each layer of a 5-layer regression net; the training loop minimizes mse_loss directly and never
#   sums the collection (the script's own tf.add_n(tf.get_collection('losses')) was dropped).
import numpy as np
import tensorflow as tf

BATCH_SIZE = 8
LEARNING_RATE = 0.001
TRAINING_STEPS = 20000


def get_weight(shape, lambda1):
    var = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(lambda1)(var))  # expect: WD101
    return var


x = tf.placeholder(tf.float32, shape=(None, 2))
y_ = tf.placeholder(tf.float32, shape=(None, 1))

layer_dimension = [2, 10, 10, 10, 1]
n_layers = len(layer_dimension)
cur_layer = x
in_dimension = layer_dimension[0]

for i in range(1, n_layers):
    out_dimension = layer_dimension[i]
    weight = get_weight([in_dimension, out_dimension], 0.003)
    bias = tf.Variable(tf.constant(0.1, shape=[out_dimension]))
    if i == n_layers - 1:
        cur_layer = tf.matmul(cur_layer, weight) + bias
    else:
        cur_layer = tf.nn.elu(tf.matmul(cur_layer, weight) + bias)
    in_dimension = layer_dimension[i]

mse_loss = tf.reduce_mean(tf.square(y_ - cur_layer))
train_step = tf.train.AdamOptimizer(LEARNING_RATE).minimize(mse_loss)

rdm = np.random.RandomState(1)
data_size = 300
X = rdm.rand(data_size, 2) * 2 - 1
Y = [[int(x0 ** 2 + x1 ** 2 <= 1) + rdm.rand() / 10.0] for (x0, x1) in X]

with tf.Session() as sess:
    tf.global_variables_initializer().run()
    for i in range(TRAINING_STEPS):
        start = (i * BATCH_SIZE) % data_size
        end = min(start + BATCH_SIZE, data_size)
        sess.run(train_step, feed_dict={x: X[start:end], y_: Y[start:end]})
        if i % 2000 == 0:
            print("After %d steps, mse_loss: %f" % (i, sess.run(mse_loss, feed_dict={x: X, y_: Y})))

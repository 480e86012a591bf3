# Idiom seen in: DengsBerry/MachineLearning DL_codes/ShenCengShenJing/l2ZhengZeHua.py
# What it reproduces: the book's five-layer net where get_weight(shape, lambda1) adds l2_regularizer(lambda1)(var)
#   to 'losses' and loss = tf.add_n(tf.get_collection('losses')); the training op is left on the unregularized
#   mse_loss (the book's "without regularization" run), so the collection sum is only printed (user mistake).
import numpy as np
import tensorflow as tf


def get_weight(shape, lambda1):
    var = tf.Variable(tf.random_normal(shape), dtype=tf.float32)
    tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(lambda1)(var))
    return var


x = tf.placeholder(tf.float32, shape=(None, 2))
y_ = tf.placeholder(tf.float32, shape=(None, 1))
batch_size = 8

layer_dimension = [2, 10, 10, 10, 1]
n_layers = len(layer_dimension)
cur_layer = x
in_dimension = layer_dimension[0]

for i in range(1, n_layers):
    out_dimension = layer_dimension[i]
    weight = get_weight([in_dimension, out_dimension], 0.003)
    bias = tf.Variable(tf.constant(0.1, shape=[out_dimension]))
    if i < n_layers - 1:
        cur_layer = tf.nn.elu(tf.matmul(cur_layer, weight) + bias)
    else:
        cur_layer = tf.matmul(cur_layer, weight) + bias
    in_dimension = layer_dimension[i]

mse_loss = tf.reduce_mean(tf.square(y_ - cur_layer))
tf.add_to_collection('losses', mse_loss)
loss = tf.add_n(tf.get_collection('losses'))  # expect: WD105

train_op = tf.train.AdamOptimizer(0.001).minimize(mse_loss)

rdm = np.random.RandomState(1)
data, label = [], []
for _ in range(300):
    x1 = rdm.uniform(-1, 1)
    x2 = rdm.uniform(0, 2)
    if x1 ** 2 + x2 ** 2 <= 1:
        data.append([np.random.normal(x1, 0.1), np.random.normal(x2, 0.1)])
        label.append(0)
    else:
        data.append([np.random.normal(x1, 0.1), np.random.normal(x2, 0.1)])
        label.append(1)
data = np.hstack(data).reshape(-1, 2)
label = np.hstack(label).reshape(-1, 1)

TRAINING_STEPS = 40000
with tf.Session() as sess:
    tf.global_variables_initializer().run()
    for i in range(TRAINING_STEPS):
        start = (i * batch_size) % 300
        sess.run(train_op, feed_dict={x: data[start:start + batch_size],
                                      y_: label[start:start + batch_size]})
        if i % 2000 == 0:
            print("After %d steps, loss: %f" % (i, sess.run(loss, feed_dict={x: data, y_: label})))

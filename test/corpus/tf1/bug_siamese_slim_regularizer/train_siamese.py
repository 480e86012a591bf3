# Idiom seen in: EvilDJ/Siamese_test Siamese/my_siamese.py (module-level graph, shared tower via
#   scope.reuse_variables(), AdamOptimizer(lr).minimize(loss) on the bare siamese loss)
# What it reproduces: the training side; loss is siamese_loss only, so the arg_scope regularizers
#   in siamese_net.py never reach the optimizer.
import numpy as np
import tensorflow as tf

from siamese_net import siamese, siamese_loss
import mnist_pairs

lr = 0.01
iterations = 20000
batch_size = 64

with tf.variable_scope('input_x1'):
    x1 = tf.placeholder(tf.float32, shape=[None, 784])
    x_input_1 = tf.reshape(x1, [-1, 28, 28, 1])
with tf.variable_scope('input_x2'):
    x2 = tf.placeholder(tf.float32, shape=[None, 784])
    x_input_2 = tf.reshape(x2, [-1, 28, 28, 1])
y = tf.placeholder(tf.float32, shape=[batch_size])
keep_prob = tf.placeholder(tf.float32)

with tf.variable_scope('siamese') as scope:
    out1 = siamese(x_input_1, keep_prob)
    scope.reuse_variables()
    out2 = siamese(x_input_2, keep_prob)

with tf.variable_scope('metrics'):
    loss = siamese_loss(out1, out2, y)
    optimizer = tf.train.AdamOptimizer(lr).minimize(loss)

loss_summary = tf.summary.scalar('loss', loss)
merged_summary = tf.summary.merge_all()

with tf.Session() as sess:
    writer = tf.summary.FileWriter('./graph/siamese', sess.graph)
    sess.run(tf.global_variables_initializer())
    for itera in range(iterations):
        xs_1, ys_1, xs_2, ys_2 = mnist_pairs.next_pair_batch(batch_size)
        y_s = np.array(ys_1 == ys_2, dtype=np.float32)
        _, train_loss, summ = sess.run([optimizer, loss, merged_summary],
                                       feed_dict={x1: xs_1, x2: xs_2, y: y_s, keep_prob: 0.6})
        writer.add_summary(summ, itera)
        if itera % 1000 == 1:
            print('iter {}, train loss {}'.format(itera, train_loss))

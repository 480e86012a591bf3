# Idiom seen in: BIGBALLON/cifar-10-cnn Tensorflow_version/Network_in_Network.py
# Idiom seen in: BIGBALLON/cifar-10-cnn Tensorflow_version/vgg_19.py
# What it reproduces: TF1 NIN on CIFAR-10 with tf.app.flags; l2 = add_n(l2_loss(v) for every trainable
#   variable) and MomentumOptimizer(nesterov) minimizes cross_entropy + l2 * FLAGS.weight_decay. Clean.
import time

import tensorflow as tf

from data_utility import prepare_data, data_preprocessing, data_augmentation, learning_rate_schedule

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('log_save_path', './nin_logs', 'Directory where to save tensorboard log')
tf.app.flags.DEFINE_integer('batch_size', 128, 'batch size')
tf.app.flags.DEFINE_integer('iteration', 391, 'iteration')
tf.app.flags.DEFINE_float('weight_decay', 0.0001, 'weight decay')
tf.app.flags.DEFINE_float('dropout', 0.5, 'dropout')
tf.app.flags.DEFINE_integer('epochs', 164, 'epochs')
tf.app.flags.DEFINE_float('momentum', 0.9, 'momentum')


def conv_weight(name, shape):
    return tf.get_variable(name, shape=shape, initializer=tf.contrib.keras.initializers.he_normal())


def bias_variable(shape):
    return tf.Variable(tf.constant(0.1, shape=shape, dtype=tf.float32))


def conv2d(x, W):
    return tf.nn.conv2d(x, W, strides=[1, 1, 1, 1], padding='SAME')


def mlpconv(x, shapes, prefix):
    for i, shape in enumerate(shapes):
        W = conv_weight('%s_%d' % (prefix, i), shape)
        b = bias_variable([shape[-1]])
        x = tf.nn.relu(conv2d(x, W) + b)
    return x


def main(_):
    train_x, train_y, test_x, test_y = prepare_data()
    train_x, test_x = data_preprocessing(train_x, test_x)

    x = tf.placeholder(tf.float32, [None, 32, 32, 3])
    y_ = tf.placeholder(tf.float32, [None, 10])
    keep_prob = tf.placeholder(tf.float32)
    learning_rate = tf.placeholder(tf.float32)

    output = mlpconv(x, [[5, 5, 3, 192], [1, 1, 192, 160], [1, 1, 160, 96]], 'mlp1')
    output = tf.nn.max_pool(output, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    output = tf.nn.dropout(output, keep_prob)
    output = mlpconv(output, [[5, 5, 96, 192], [1, 1, 192, 192], [1, 1, 192, 192]], 'mlp2')
    output = tf.nn.max_pool(output, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    output = tf.nn.dropout(output, keep_prob)
    output = mlpconv(output, [[3, 3, 192, 192], [1, 1, 192, 192], [1, 1, 192, 10]], 'mlp3')
    output = tf.reduce_mean(output, axis=[1, 2])

    with tf.name_scope('cross_entropy'):
        cross_entropy = tf.reduce_mean(
            tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=output))
    with tf.name_scope('l2_loss'):
        l2 = tf.add_n([tf.nn.l2_loss(var) for var in tf.trainable_variables()])
    with tf.name_scope('train_step'):
        train_step = tf.train.MomentumOptimizer(learning_rate, FLAGS.momentum, use_nesterov=True).minimize(
            cross_entropy + l2 * FLAGS.weight_decay)

    correct = tf.equal(tf.argmax(output, 1), tf.argmax(y_, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
    saver = tf.train.Saver()

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for ep in range(1, FLAGS.epochs + 1):
            lr = learning_rate_schedule(ep)
            start = time.time()
            pre_index, train_acc, train_loss = 0, 0.0, 0.0
            for it in range(1, FLAGS.iteration + 1):
                batch_x = data_augmentation(train_x[pre_index:pre_index + FLAGS.batch_size])
                batch_y = train_y[pre_index:pre_index + FLAGS.batch_size]
                _, batch_loss, batch_acc = sess.run(
                    [train_step, cross_entropy, accuracy],
                    feed_dict={x: batch_x, y_: batch_y, keep_prob: FLAGS.dropout, learning_rate: lr})
                train_loss += batch_loss
                train_acc += batch_acc
                pre_index += FLAGS.batch_size
            print('epoch %d: %ds, loss %.4f, acc %.4f' % (
                ep, int(time.time() - start), train_loss / FLAGS.iteration, train_acc / FLAGS.iteration))
        saver.save(sess, './model/nin.ckpt')


if __name__ == '__main__':
    tf.app.run()

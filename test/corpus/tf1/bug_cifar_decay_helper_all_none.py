# Idiom seen in: MichelHalmes/tensorflow_tutorials cifar10_train.py
# What it reproduces: tutorial CIFAR-10 model where every _variable_with_weight_decay call was switched to
#   wd=None (the author tried batch norm instead); the helper's decay branch never runs, although the total
#   loss still sums the "losses" collection: the decay machinery is dead code.
import tensorflow as tf

import cifar10_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 128, 'Batch size')
tf.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data', 'Data directory')
tf.app.flags.DEFINE_integer('max_steps', 100000, 'Steps')

INITIAL_LEARNING_RATE = 0.1


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def conv_bn(x, name, shape, training):
    with tf.variable_scope(name):
        kernel = _variable_with_weight_decay('weights', shape, stddev=5e-2, wd=None)
        conv = tf.nn.conv2d(x, kernel, [1, 1, 1, 1], padding='SAME')
        conv = tf.layers.batch_normalization(conv, training=training)
        return tf.nn.relu(conv)


def inference(images, training=True):
    net = conv_bn(images, 'conv1', [5, 5, 3, 64], training)
    net = tf.nn.max_pool(net, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    net = conv_bn(net, 'conv2', [5, 5, 64, 64], training)
    net = tf.nn.max_pool(net, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    net = tf.reshape(net, [FLAGS.batch_size, -1])
    dim = net.get_shape()[1].value
    with tf.variable_scope('local3'):
        w = _variable_with_weight_decay('weights', [dim, 384], stddev=0.04, wd=None)
        net = tf.nn.relu(tf.matmul(net, w))
    with tf.variable_scope('softmax_linear'):
        w = _variable_with_weight_decay('weights', [384, 10], stddev=1 / 384.0, wd=None)
        logits = tf.matmul(net, w)
    return logits


def loss(logits, labels):
    xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.cast(labels, tf.int64), logits=logits)
    tf.add_to_collection('losses', tf.reduce_mean(xent, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def main(_):
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        images, labels = cifar10_input.distorted_inputs(data_dir=FLAGS.data_dir, batch_size=FLAGS.batch_size)
        total_loss = loss(inference(images), labels)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = tf.train.GradientDescentOptimizer(INITIAL_LEARNING_RATE).minimize(total_loss, global_step)
        with tf.train.MonitoredTrainingSession(checkpoint_dir='/tmp/cifar10_train',
                                               hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
            while not sess.should_stop():
                sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()

# Idiom seen in: Yonezcy/naive_cnn cifar10.py
# What it reproduces: the CIFAR-10 tutorial model with its _variable_with_weight_decay helper, trained with
#   plain SGD from exponential_decay(INITIAL_LEARNING_RATE). A user mistake in the idiom (the repo uses
#   0.004): the dense-layer decay constant is 4.0, so lr*wd = 0.25*4.0 = 1 and decay alone zeroes the
#   weights each step (WD301 at the constant).
import tensorflow as tf

import cifar10_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 128, """Number of images to process in a batch.""")
tf.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data', """Path to the CIFAR-10 data directory.""")
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train', """Directory for event logs.""")

NUM_CLASSES = cifar10_input.NUM_CLASSES
NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN = cifar10_input.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN
NUM_EPOCHS_PER_DECAY = 350.0
LEARNING_RATE_DECAY_FACTOR = 0.1
INITIAL_LEARNING_RATE = 0.25
FC_WEIGHT_DECAY = 4.0  # expect: WD301


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def inference(images):
    with tf.variable_scope('conv1') as scope:
        kernel = _variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=None)
        biases = tf.get_variable('biases', [64], initializer=tf.constant_initializer(0.0))
        conv1 = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME'), biases),
                           name=scope.name)
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME', name='pool1')
    with tf.variable_scope('local3') as scope:
        reshape = tf.reshape(pool1, [FLAGS.batch_size, -1])
        dim = reshape.get_shape()[1].value
        weights = _variable_with_weight_decay('weights', [dim, 384], stddev=0.04, wd=FC_WEIGHT_DECAY)
        biases = tf.get_variable('biases', [384], initializer=tf.constant_initializer(0.1))
        local3 = tf.nn.relu(tf.matmul(reshape, weights) + biases, name=scope.name)
    with tf.variable_scope('softmax_linear') as scope:
        weights = _variable_with_weight_decay('weights', [384, NUM_CLASSES], stddev=1 / 384.0, wd=None)
        biases = tf.get_variable('biases', [NUM_CLASSES], initializer=tf.constant_initializer(0.0))
        softmax_linear = tf.add(tf.matmul(local3, weights), biases, name=scope.name)
    return softmax_linear


def loss(logits, labels):
    labels = tf.cast(labels, tf.int64)
    xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    tf.add_to_collection('losses', tf.reduce_mean(xent, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def train(total_loss, global_step):
    num_batches_per_epoch = NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN / FLAGS.batch_size
    decay_steps = int(num_batches_per_epoch * NUM_EPOCHS_PER_DECAY)
    lr = tf.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, decay_steps,
                                    LEARNING_RATE_DECAY_FACTOR, staircase=True)
    opt = tf.train.GradientDescentOptimizer(lr)
    return opt.minimize(total_loss, global_step=global_step)


def main(argv=None):
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        images, labels = cifar10_input.distorted_inputs(data_dir=FLAGS.data_dir, batch_size=FLAGS.batch_size)
        logits = inference(images)
        total_loss = loss(logits, labels)
        train_op = train(total_loss, global_step)
        with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir) as sess:
            while not sess.should_stop():
                sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()

# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10.py
# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10_train.py
# What it reproduces: the CIFAR-10 tutorial helper fed from a TF flag whose help text says "in units of 1e-4"
#   while the code passes the raw value: wd = 40.0 with plain SGD at lr = 0.1 gives lr*wd = 4 >= 1, so the
#   decay alone flips and grows the FC weights each step. The collection wiring is otherwise correct.
import tensorflow as tf

import cifar10_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train', 'Directory for event logs and checkpoints.')
tf.app.flags.DEFINE_integer('max_steps', 100000, 'Number of batches to run.')
tf.app.flags.DEFINE_integer('batch_size', 128, 'Batch size.')
tf.app.flags.DEFINE_float('fc_weight_decay', 40.0, 'L2 decay of the FC layers, in units of 1e-4.')  # expect: WD301

INITIAL_LEARNING_RATE = 0.1
NUM_EPOCHS_PER_DECAY = 350.0
LEARNING_RATE_DECAY_FACTOR = 0.1


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def inference(images):
    with tf.variable_scope('conv1') as scope:
        kernel = _variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=None)
        conv1 = tf.nn.relu(tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME'), name=scope.name)
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    with tf.variable_scope('local3') as scope:
        reshape = tf.reshape(pool1, [FLAGS.batch_size, -1])
        dim = reshape.get_shape()[1].value
        weights = _variable_with_weight_decay('weights', [dim, 384], stddev=0.04, wd=FLAGS.fc_weight_decay)
        local3 = tf.nn.relu(tf.matmul(reshape, weights), name=scope.name)
    with tf.variable_scope('local4') as scope:
        weights = _variable_with_weight_decay('weights', [384, 192], stddev=0.04, wd=FLAGS.fc_weight_decay)
        local4 = tf.nn.relu(tf.matmul(local3, weights), name=scope.name)
    with tf.variable_scope('softmax_linear') as scope:
        weights = _variable_with_weight_decay('weights', [192, 10], stddev=1 / 192.0, wd=None)
        logits = tf.matmul(local4, weights, name=scope.name)
    return logits


def loss(logits, labels):
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.cast(labels, tf.int64), logits=logits)
    tf.add_to_collection('losses', tf.reduce_mean(cross_entropy, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def main(argv=None):
    global_step = tf.train.get_or_create_global_step()
    images, labels = cifar10_input.distorted_inputs(batch_size=FLAGS.batch_size)
    total_loss = loss(inference(images), labels)
    decay_steps = int(cifar10_input.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN / FLAGS.batch_size * NUM_EPOCHS_PER_DECAY)
    lr = tf.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, decay_steps,
                                    LEARNING_RATE_DECAY_FACTOR, staircase=True)
    train_op = tf.train.GradientDescentOptimizer(lr).minimize(total_loss, global_step=global_step)
    with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir,
                                           hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()

# Idiom seen in: mdangschat/ctc-asr python/s_model.py
# Idiom seen in: mdangschat/ctc-asr python/ts_train.py
# What it reproduces: an early revision of the repository's speech model (CIFAR-10 tutorial helpers
# kept from a traffic-sign model): _variable_with_weight_decay(..., 0.004) adds the logits' L2 term
# to the 'losses' collection, but loss() returns the per-example CTC loss, which train() minimizes.
"""Contains the TS model definition."""

import tensorflow as tf
import tensorflow.contrib as tfc

import s_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 16, """Number of samples to process in a batch.""")

# Global constants describing the data set.
NUM_CLASSES = s_input.NUM_CLASSES
NUM_EXAMPLES_PER_EPOCH_TRAIN = s_input.NUM_EXAMPLES_PER_EPOCH_TRAIN

# Constants describing the training process.
NUM_EPOCHS_PER_DECAY = 0.50
LEARNING_RATE_DECAY_FACTOR = 0.75
INITIAL_LEARNING_RATE = 0.01


def inference(sample_batch, length_batch):
    num_hidden = 128
    with tf.variable_scope('lstm'):
        cell = tf.nn.rnn_cell.LSTMCell(num_units=num_hidden, state_is_tuple=True)
        stack = tf.nn.rnn_cell.MultiRNNCell([cell], state_is_tuple=True)
        cell_out, _ = tf.nn.dynamic_rnn(stack, sample_batch, sequence_length=length_batch,
                                        dtype=tf.float32)
        cell_out = tf.reshape(cell_out, [-1, num_hidden])

    with tf.variable_scope('logits') as scope:
        weights = _variable_with_weight_decay('weights', [num_hidden, NUM_CLASSES], 0.04, 0.004)
        biases = _variable_on_cpu('biases', [NUM_CLASSES], tf.constant_initializer(0.0))
        logits = tf.add(tf.matmul(cell_out, weights), biases, name=scope.name)
        batch_size = tf.shape(sample_batch)[0]
        logits = tf.reshape(logits, [batch_size, -1, NUM_CLASSES])
        logits = tf.transpose(logits, [1, 0, 2])
    return logits


def loss(logits, label_batch, length_batch):
    label_batch = tfc.layers.dense_to_sparse(label_batch)
    losses = tf.nn.ctc_loss(labels=label_batch, inputs=logits, sequence_length=length_batch)
    tf.summary.histogram('losses', losses)
    mean_loss = tf.reduce_mean(losses, name='mean_loss')
    tf.summary.scalar('mean_loss', mean_loss)
    return losses


def train(total_loss, global_step):
    num_batches_per_epoch = NUM_EXAMPLES_PER_EPOCH_TRAIN / FLAGS.batch_size
    decay_steps = int(num_batches_per_epoch * NUM_EPOCHS_PER_DECAY)
    lr = tf.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, decay_steps,
                                    LEARNING_RATE_DECAY_FACTOR, staircase=True)
    tf.summary.scalar('learning_rate', lr)
    optimizer = tf.train.GradientDescentOptimizer(lr)
    return optimizer.minimize(total_loss, global_step=global_step)


def inputs_train():
    sample_batch, label_batch, length_batch = s_input.inputs_train(FLAGS.batch_size)
    return sample_batch, label_batch, length_batch


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        return tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)


def _variable_with_weight_decay(name, shape, stddev, weight_decay):
    var = _variable_on_cpu(name, shape,
                           tf.truncated_normal_initializer(stddev=stddev, dtype=tf.float32))
    if weight_decay is not None:
        wd = tf.multiply(tf.nn.l2_loss(var), weight_decay, name='weight_loss')
        tf.add_to_collection('losses', wd)  # expect: WD101
    return var

# Idiom seen in: mdangschat/ctc-asr python/s_model.py
# Idiom seen in: mdangschat/ctc-asr python/s_train.py
# What it reproduces: the repository's own bug: the speech model's tf.layers.dense layers get
# kernel_regularizer=l2_regularizer(...), but loss() returns only the mean CTC loss and train()
# minimizes it with Adam, so tf.GraphKeys.REGULARIZATION_LOSSES is never read.
"""Contains the speech model definition."""

import tensorflow as tf
from tensorflow import contrib as tfc

from params import FLAGS, TF_FLOAT
import utils
import s_input


def inference(sequences, seq_length):
    """Build the speech model: 3 dense layers, a BDLSTM stack, 1 dense layer and the logits."""
    initializer = tf.truncated_normal_initializer(stddev=0.046875, dtype=TF_FLOAT)
    regularizer = tfc.layers.l2_regularizer(0.0046875)

    with tf.variable_scope('dense1'):
        dense1 = tf.layers.dense(sequences, FLAGS.num_units_dense,
                                 activation=tf.nn.relu,
                                 kernel_initializer=tf.glorot_normal_initializer(),
                                 kernel_regularizer=regularizer)  # expect: WD102
        dense1 = tf.minimum(dense1, FLAGS.relu_cutoff)

    with tf.variable_scope('dense2'):
        dense2 = tf.layers.dense(dense1, FLAGS.num_units_dense,
                                 activation=tf.nn.relu,
                                 kernel_initializer=initializer,
                                 kernel_regularizer=regularizer)  # expect: WD102
        dense2 = tf.minimum(dense2, FLAGS.relu_cutoff)

    with tf.variable_scope('dense3'):
        dense3 = tf.layers.dense(dense2, FLAGS.num_units_dense,
                                 activation=tf.nn.relu,
                                 kernel_initializer=initializer,
                                 kernel_regularizer=regularizer)  # expect: WD102
        dense3 = tf.minimum(dense3, FLAGS.relu_cutoff)

    with tf.variable_scope('bdlstm'):
        fw_cells, bw_cells = utils.create_bidirectional_cells(FLAGS.num_units_lstm,
                                                              FLAGS.num_layers_lstm,
                                                              keep_prob=1.0)
        bdlstm, _, _ = tfc.rnn.stack_bidirectional_dynamic_rnn(fw_cells, bw_cells,
                                                               inputs=dense3,
                                                               dtype=TF_FLOAT,
                                                               sequence_length=seq_length,
                                                               time_major=False)

    with tf.variable_scope('dense4'):
        dense4 = tf.layers.dense(bdlstm, FLAGS.num_units_dense,
                                 activation=tf.nn.relu,
                                 kernel_initializer=initializer,
                                 kernel_regularizer=regularizer)  # expect: WD102
        dense4 = tf.minimum(dense4, FLAGS.relu_cutoff)

    with tf.variable_scope('logits'):
        logits = tf.layers.dense(dense4, FLAGS.num_classes, kernel_initializer=initializer)
        logits = tfc.rnn.transpose_batch_time(logits)

    # `logits` = [time, batch_size, NUM_CLASSES]
    return logits


def loss(logits, labels, seq_length):
    """Mean CTC loss of the batch."""
    total_loss = tf.nn.ctc_loss(labels=labels,
                                inputs=logits,
                                sequence_length=seq_length,
                                preprocess_collapse_repeated=False,
                                ctc_merge_repeated=True,
                                time_major=True)
    mean_loss = tf.reduce_mean(total_loss)
    tf.summary.scalar('mean_loss', mean_loss)
    return mean_loss


def train(_loss, global_step):
    """Train op for the speech model."""
    num_batches_per_epoch = FLAGS.num_examples_train / FLAGS.batch_size
    decay_steps = int(num_batches_per_epoch * FLAGS.num_epochs_per_decay)
    lr = tf.train.exponential_decay(FLAGS.learning_rate, global_step, decay_steps,
                                    FLAGS.learning_rate_decay_factor, staircase=True)
    optimizer = tf.train.AdamOptimizer(learning_rate=lr, beta1=FLAGS.adam_beta1,
                                       beta2=FLAGS.adam_beta2, epsilon=FLAGS.adam_epsilon)
    tf.summary.scalar('learning_rate', lr)
    return optimizer.minimize(_loss, global_step=global_step)


def inputs_train():
    sequences, seq_length, labels, originals = s_input.inputs_train(FLAGS.batch_size)
    return sequences, seq_length, labels, originals

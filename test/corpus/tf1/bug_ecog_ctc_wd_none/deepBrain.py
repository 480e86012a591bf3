# Idiom seen in: arberzela/deepBrain TFrecords_version/deepBrain.py
# Idiom seen in: arberzela/deepBrain TFrecords_version/util.py
# What it reproduces: conv + LSTM CTC model over ECoG features; the conv kernel and the output weights are made with
#   _variable_with_weight_decay(..., wd_value=None) and loss() sums the 'losses' collection, which then holds only
#   the CTC loss (WD303 is reported at the guard in util.py).
import tensorflow as tf
from util import _variable, _variable_with_weight_decay, _activation_summary
import ecog_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 2, 'Number of utterances to process in a batch.')
tf.app.flags.DEFINE_integer('temporal_stride', 2, 'Stride along time.')
tf.app.flags.DEFINE_boolean('use_fp16', False, 'Train the model using fp16.')
tf.app.flags.DEFINE_float('keep_prob', 0.5, 'Keep probability for dropout.')
tf.app.flags.DEFINE_integer('num_hidden', 2048, 'Number of hidden nodes.')
tf.app.flags.DEFINE_integer('num_filters', 64, 'Number of convolutional filters.')
tf.app.flags.DEFINE_float('initial_lr', 0.00001, 'Initial learning rate for training.')
tf.app.flags.DEFINE_integer('num_epochs_per_decay', 5, 'Epochs after which learning rate decays.')
tf.app.flags.DEFINE_float('lr_decay_factor', 0.9, 'Learning rate decay factor.')

NUM_CLASSES = ecog_input.NUM_CLASSES
NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN = ecog_input.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN


def conv_layer(l_input, kernel_shape, scope):
    kernel = _variable_with_weight_decay('weights', shape=kernel_shape, wd_value=None, use_fp16=FLAGS.use_fp16)
    conv = tf.nn.conv2d(l_input, kernel, [1, FLAGS.temporal_stride, 1, 1], padding='SAME')
    biases = _variable('biases', [FLAGS.num_filters], tf.constant_initializer(-0.05), FLAGS.use_fp16)
    conv = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
    _activation_summary(conv)
    return tf.nn.dropout(conv, FLAGS.keep_prob)


def inference(feats, seq_lens):
    dtype = tf.float16 if FLAGS.use_fp16 else tf.float32
    feat_len = feats.get_shape().as_list()[-1]
    feats = tf.expand_dims(feats, axis=-1)
    with tf.variable_scope('conv1') as scope:
        conv_drop = conv_layer(feats, [11, feat_len, 1, FLAGS.num_filters], scope)
    with tf.variable_scope('rnn'):
        rnn_input = tf.reshape(conv_drop, [FLAGS.batch_size, -1, feat_len * FLAGS.num_filters])
        rnn_input = tf.transpose(rnn_input, perm=[1, 0, 2])
        cell = tf.nn.rnn_cell.LSTMCell(FLAGS.num_hidden, activation=tf.nn.relu6)
        drop_cell = tf.nn.rnn_cell.DropoutWrapper(cell, output_keep_prob=FLAGS.keep_prob)
        seq_lens = tf.div(seq_lens, FLAGS.temporal_stride)
        rnn_outputs, _ = tf.nn.dynamic_rnn(drop_cell, rnn_input, sequence_length=seq_lens, dtype=dtype,
                                           time_major=True, scope='rnn')
    with tf.variable_scope('fully_connected') as scope:
        weights = _variable_with_weight_decay('weights', [FLAGS.num_hidden, NUM_CLASSES],
                                              wd_value=None, use_fp16=FLAGS.use_fp16)
        biases = _variable('biases', [NUM_CLASSES], tf.constant_initializer(0.0), FLAGS.use_fp16)
        logits = tf.add(tf.matmul(tf.reshape(rnn_outputs, [-1, FLAGS.num_hidden]), weights), biases, name=scope.name)
        logits = tf.reshape(logits, [-1, FLAGS.batch_size, NUM_CLASSES])
    return logits


def loss(logits, labels, seq_lens):
    ctc_loss = tf.nn.ctc_loss(inputs=tf.cast(logits, tf.float32), labels=labels, sequence_length=seq_lens)
    ctc_loss_mean = tf.reduce_mean(ctc_loss, name='ctc_loss')
    tf.add_to_collection('losses', ctc_loss_mean)
    # The total loss is defined as the ctc loss plus all of the weight decay terms (L2 loss).
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def train(total_loss, global_step):
    num_batches_per_epoch = NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN / FLAGS.batch_size
    decay_steps = int(num_batches_per_epoch * FLAGS.num_epochs_per_decay)
    lr = tf.train.exponential_decay(FLAGS.initial_lr, global_step, decay_steps, FLAGS.lr_decay_factor,
                                    staircase=True)
    tf.summary.scalar('learning_rate', lr)
    opt = tf.train.GradientDescentOptimizer(lr)
    grads = opt.compute_gradients(total_loss)
    return opt.apply_gradients(grads, global_step=global_step)

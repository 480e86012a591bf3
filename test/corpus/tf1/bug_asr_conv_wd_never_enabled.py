# Idiom seen in: zzw922cn/Automatic_Speech_Recognition speechvalley/models/deepSpeech2.py
# Idiom seen in: zzw922cn/Automatic_Speech_Recognition speechvalley/main/timit_train.py
# What it reproduces: a DeepSpeech2-style conv front end + GRU + CTC where the user copied the CIFAR-10
#   helper `_variable_with_weight_decay` for the conv filters and the projection and sums the 'losses'
#   collection into the trained loss, but every call passes wd=None or 0.0: the decay code is dead.
import tensorflow as tf
from speechvalley.utils import load_batched_data

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 32, 'batch size')
tf.app.flags.DEFINE_integer('num_feature', 161, 'spectrogram bins')
tf.app.flags.DEFINE_integer('num_hidden', 256, 'GRU units')
tf.app.flags.DEFINE_integer('num_class', 29, 'characters + blank')
tf.app.flags.DEFINE_float('learning_rate', 0.01, 'momentum learning rate')
tf.app.flags.DEFINE_string('data_dir', '/data/libri/spectrogram', 'features')
tf.app.flags.DEFINE_string('train_dir', './train', 'checkpoints')


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def inference(spectrograms, seq_lengths):
    with tf.variable_scope('conv1'):
        kernel = _variable_with_weight_decay('weights', [41, 11, 1, 32], stddev=5e-2, wd=None)
        conv1 = tf.nn.relu(tf.nn.conv2d(spectrograms, kernel, [1, 2, 2, 1], padding='SAME'))
    with tf.variable_scope('conv2'):
        kernel = _variable_with_weight_decay('weights', [21, 11, 32, 32], stddev=5e-2, wd=None)
        conv2 = tf.nn.relu(tf.nn.conv2d(conv1, kernel, [1, 2, 1, 1], padding='SAME'))
    shape = conv2.get_shape().as_list()
    rnn_input = tf.reshape(tf.transpose(conv2, [2, 0, 1, 3]), [-1, FLAGS.batch_size, shape[1] * shape[3]])
    with tf.variable_scope('rnn'):
        cell = tf.contrib.rnn.GRUCell(FLAGS.num_hidden)
        outputs, _ = tf.nn.dynamic_rnn(cell, rnn_input, sequence_length=seq_lengths, time_major=True,
                                       dtype=tf.float32)
    with tf.variable_scope('softmax_linear'):
        weights = _variable_with_weight_decay('weights', [FLAGS.num_hidden, FLAGS.num_class], stddev=0.04, wd=0.0)
        biases = tf.get_variable('biases', [FLAGS.num_class], initializer=tf.constant_initializer(0.0))
        logits = tf.einsum('tbh,hc->tbc', outputs, weights) + biases
    return logits


def loss(logits, targets, seq_lengths):
    ctc = tf.reduce_mean(tf.nn.ctc_loss(targets, logits, seq_lengths), name='ctc_loss')
    tf.add_to_collection('losses', ctc)
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def main(_):
    batches, max_time_steps, _ = load_batched_data(FLAGS.data_dir, FLAGS.batch_size)
    inputs = tf.placeholder(tf.float32, [FLAGS.batch_size, FLAGS.num_feature, max_time_steps, 1])
    target_ixs = tf.placeholder(tf.int64)
    target_vals = tf.placeholder(tf.int32)
    target_shape = tf.placeholder(tf.int64)
    targets = tf.SparseTensor(target_ixs, target_vals, target_shape)
    seq_lengths = tf.placeholder(tf.int32, [FLAGS.batch_size])

    logits = inference(inputs, seq_lengths)
    total_loss = loss(logits, targets, seq_lengths)
    global_step = tf.train.get_or_create_global_step()
    train_op = tf.train.MomentumOptimizer(FLAGS.learning_rate, 0.9).minimize(total_loss, global_step=global_step)

    with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir) as sess:
        for batch_inputs, (ixs, vals, shp), lengths in batches:
            sess.run(train_op, feed_dict={inputs: batch_inputs, target_ixs: ixs, target_vals: vals,
                                          target_shape: shp, seq_lengths: lengths})


if __name__ == '__main__':
    tf.app.run()

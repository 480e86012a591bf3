# Idiom seen in: violet-day/tensorflow-crnn model.py
# Idiom seen in: violet-day/tensorflow-crnn train.py
# What it reproduces: slim CRNN+CTC for captcha OCR; a user adds weights_regularizer to the VGG arg_scope but passes
#   total_loss=loss_ctc to slim.learning.create_train_op (the repo used tf.losses.get_total_loss()), so the L2 terms
#   sit in REGULARIZATION_LOSSES unread (user mistake in the repo's idiom; the real repo had no regularizer).
import tensorflow as tf
from tensorflow import logging
from tensorflow.python.platform import flags
from tensorflow.contrib import slim
from tensorflow.contrib.rnn import BasicLSTMCell


def vgg_net(inputs, scope='vgg', is_training=True):
    batch_norm_params = {'is_training': is_training}
    with tf.variable_scope(scope):
        with slim.arg_scope([slim.conv2d], weights_regularizer=slim.l2_regularizer(flags.FLAGS.weight_decay),  # expect: WD102
                            normalizer_fn=slim.batch_norm, normalizer_params=batch_norm_params):
            with slim.arg_scope([slim.max_pool2d], padding='SAME'):
                net = slim.repeat(inputs, 1, slim.conv2d, 64, [3, 3], scope='conv1')
                net = slim.max_pool2d(net, [2, 2], scope='pool1')
                net = slim.repeat(net, 1, slim.conv2d, 128, [3, 3], scope='conv2')
                net = slim.max_pool2d(net, [2, 2], scope='pool2')
                net = slim.repeat(net, 2, slim.conv2d, 256, [3, 3], scope='conv3')
                net = slim.max_pool2d(net, [2, 2], stride=[2, 1], scope='pool3')
                net = slim.repeat(net, 2, slim.conv2d, 512, [3, 3], scope='conv4')
                net = slim.max_pool2d(net, [2, 2], stride=[2, 1], scope='pool4')
                net = slim.repeat(net, 1, slim.conv2d, 512, [3, 3], scope='conv5')
                return net


def foward(images, is_training=True):
    dropout_keep_prob = 0.7 if is_training else 1.0
    cnn_net = vgg_net(images, is_training=is_training)
    with tf.variable_scope('Reshaping_cnn'):
        shape = cnn_net.get_shape().as_list()
        transposed = tf.transpose(cnn_net, perm=[0, 2, 1, 3])
        conv_reshaped = tf.reshape(transposed, [shape[0], -1, shape[1] * shape[3]])
    list_n_hidden = [256, 256]
    with tf.name_scope('deep_bidirectional_lstm'):
        fw_cell_list = [BasicLSTMCell(nh, forget_bias=1.0) for nh in list_n_hidden]
        bw_cell_list = [BasicLSTMCell(nh, forget_bias=1.0) for nh in list_n_hidden]
        lstm_net, _, _ = tf.contrib.rnn.stack_bidirectional_dynamic_rnn(fw_cell_list, bw_cell_list,
                                                                        conv_reshaped, dtype=tf.float32)
        lstm_net = tf.nn.dropout(lstm_net, keep_prob=dropout_keep_prob)
    with tf.variable_scope('fully_connected'):
        shape = lstm_net.get_shape().as_list()
        fc_out = slim.layers.linear(lstm_net, flags.FLAGS.n_classes)
        lstm_out = tf.reshape(fc_out, [shape[0], -1, flags.FLAGS.n_classes], name='lstm_out')
        logprob = tf.transpose(lstm_out, [1, 0, 2], name='transpose_time_major')
        logging.info('logprob shape: %s' % logprob.shape)
        return logprob


def create_loss(sparse_code_target, logprob, seq_len_inputs):
    loss_ctc = tf.nn.ctc_loss(labels=sparse_code_target, inputs=logprob,
                              sequence_length=tf.cast(seq_len_inputs, tf.int32),
                              preprocess_collapse_repeated=False, ctc_merge_repeated=True,
                              ignore_longer_outputs_than_inputs=True, time_major=True)
    return tf.reduce_mean(loss_ctc)


def create_train_op(sparse_code_target, seq_len_inputs, logprob):
    loss_ctc = create_loss(sparse_code_target, logprob, seq_len_inputs)
    global_step = tf.train.get_or_create_global_step()
    learning_rate = tf.train.exponential_decay(flags.FLAGS.learning_rate, global_step,
                                               flags.FLAGS.learning_decay_steps, flags.FLAGS.learning_decay_rate,
                                               staircase=True)
    optimizer = tf.train.AdamOptimizer(learning_rate, beta1=0.5)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    # report the plain CTC value in the progress bar
    train_op = slim.learning.create_train_op(total_loss=loss_ctc, optimizer=optimizer,
                                             update_ops=update_ops)
    tf.summary.scalar('tf-crnn/ctc_loss', loss_ctc)
    return train_op

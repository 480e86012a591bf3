# Idiom seen in: solivr/tf-crnn src/model.py
# What it reproduces: the CRNN (conv + BiLSTM + CTC) Estimator model_fn. The conv layers get an L2
#   kernel_regularizer from params['weight_decay'] and the regularization loss is summed into total_loss,
#   which is logged and returned to the Estimator, but the train op still minimizes loss_ctc
#   (user mistake when adding decay to the repository's model_fn).
import tensorflow as tf
from tensorflow.contrib.rnn import BasicLSTMCell


def deep_cnn(input_imgs, is_training, weight_decay):
    regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    net = input_imgs
    conv_specs = [(64, 3, (2, 2)), (128, 3, (2, 2)), (256, 3, None), (256, 3, (2, 1)),
                  (512, 3, None), (512, 3, (2, 1)), (512, 2, None)]
    with tf.variable_scope('deep_cnn'):
        for i, (filters, ksize, pool) in enumerate(conv_specs):
            with tf.variable_scope('layer%d' % (i + 1)):
                net = tf.layers.conv2d(net, filters, ksize, padding='same',
                                       kernel_regularizer=regularizer, name='conv')
                if filters >= 256 and pool is None:
                    net = tf.layers.batch_normalization(net, training=is_training, name='batch-norm')
                net = tf.nn.relu(net)
                if pool is not None:
                    net = tf.layers.max_pooling2d(net, pool_size=[2, 2], strides=pool, padding='same')
        shape = net.get_shape().as_list()
        transposed = tf.transpose(net, perm=[0, 2, 1, 3])
        return tf.reshape(transposed, [-1, tf.shape(transposed)[1], shape[1] * shape[3]])


def deep_bidirectional_lstm(inputs, n_classes, keep_prob):
    list_n_hidden = [256, 256]
    with tf.name_scope('deep_bidirectional_lstm'):
        fw_cells = [BasicLSTMCell(nh, forget_bias=1.0) for nh in list_n_hidden]
        bw_cells = [BasicLSTMCell(nh, forget_bias=1.0) for nh in list_n_hidden]
        lstm_net, _, _ = tf.contrib.rnn.stack_bidirectional_dynamic_rnn(fw_cells, bw_cells, inputs,
                                                                        dtype=tf.float32)
        lstm_net = tf.nn.dropout(lstm_net, keep_prob=keep_prob)
        logits = tf.layers.dense(lstm_net, n_classes, name='fully_connected')
        raw_pred = tf.argmax(tf.nn.softmax(logits), axis=2, name='raw_prediction')
        return tf.transpose(logits, [1, 0, 2], name='transpose_time_major'), raw_pred


def crnn_fn(features, labels, mode, params):
    is_training = mode == tf.estimator.ModeKeys.TRAIN
    keep_prob = 0.7 if is_training else 1.0
    conv = deep_cnn(features['images'], is_training, params['weight_decay'])
    logprob, raw_pred = deep_bidirectional_lstm(conv, params['n_classes'], keep_prob)
    seq_len_inputs = tf.cast(features['images_widths'] / 4 - 1, tf.int32)
    predictions = {'prob': logprob, 'raw_predictions': raw_pred}

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions=predictions)

    sparse_code_target = features['sparse_code_target']
    loss_ctc = tf.reduce_mean(tf.nn.ctc_loss(labels=sparse_code_target, inputs=logprob,
                                             sequence_length=seq_len_inputs,
                                             ignore_longer_outputs_than_inputs=True))
    reg_loss = tf.losses.get_regularization_loss()  # expect: WD105
    total_loss = loss_ctc + reg_loss
    tf.summary.scalar('losses/ctc_loss', loss_ctc)
    tf.summary.scalar('losses/total_loss', total_loss)

    train_op = None
    if is_training:
        global_step = tf.train.get_or_create_global_step()
        learning_rate = tf.train.exponential_decay(params['learning_rate'], global_step,
                                                   params['decay_steps'], params['decay_rate'],
                                                   staircase=True)
        tf.summary.scalar('learning_rate', learning_rate)
        if params['optimizer'] == 'adam':
            optimizer = tf.train.AdamOptimizer(learning_rate, beta1=0.5)
        elif params['optimizer'] == 'ada':
            optimizer = tf.train.AdadeltaOptimizer(learning_rate)
        else:
            optimizer = tf.train.RMSPropOptimizer(learning_rate)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = optimizer.minimize(loss_ctc, global_step=global_step)

    return tf.estimator.EstimatorSpec(mode, predictions=predictions, loss=total_loss, train_op=train_op)

# Idiom seen in: ogroth/geeco src/models/e2evmc/graph.py
# What it reproduces: graph functions that open `tf.variable_scope(scope, regularizer=..., reuse=tf.AUTO_REUSE)`
#   and build tf.layers convolutions, an LSTMCell and dense heads inside it. A scope-level regularizer is the
#   default for EVERY get_variable in the scope, so the conv/dense biases and the LSTM bias are put under
#   L2 as well as the kernels.
# label-note: WD203 on the two `variable_scope(..., regularizer=...)` lines (decay applied to biases; the
#   layers inside add their bias variables without a regularizer of their own, so the scope default applies).
#   The terms themselves do reach the minimized loss (estimator.py), so no WD102.
import tensorflow as tf
from tensorflow.contrib.layers import l2_regularizer

from params import E2E_VMC_DEFAULT_CONFIG


def _weight_regularizer(params=E2E_VMC_DEFAULT_CONFIG):
    return l2_regularizer(scale=params.l2_regularizer)


def conv_encoder(rgb_frame, dim_out=256, params=E2E_VMC_DEFAULT_CONFIG, scope='ConvEncoder'):
    regularizer = _weight_regularizer(params)
    with tf.variable_scope(scope, regularizer=regularizer, reuse=tf.AUTO_REUSE):  # expect: WD203
        net = rgb_frame
        for i, filters in enumerate([32, 48, 64, 128, 192, 256, 256]):
            net = tf.layers.conv2d(inputs=net, filters=filters, kernel_size=3, strides=1 if i == 0 else 2,
                                   padding='SAME', activation=tf.nn.relu, name='conv%d' % (i + 1))
        net = tf.layers.conv2d(inputs=net, filters=dim_out, kernel_size=3, strides=2, padding='SAME',
                               activation=tf.nn.relu, name='conv8')
        return net, {'conv8': net}


def lstm_decoder(feat_list, params=E2E_VMC_DEFAULT_CONFIG, scope='LSTMDecoder'):
    regularizer = _weight_regularizer(params)
    with tf.variable_scope(scope, regularizer=regularizer, reuse=tf.AUTO_REUSE):  # expect: WD203
        lstm = tf.nn.rnn_cell.LSTMCell(num_units=params.dim_h_lstm)
        state = lstm.zero_state(params.batch_size, tf.float32)
        for feat in feat_list:
            out, state = lstm(inputs=feat, state=state)
        net = tf.layers.dense(inputs=out, units=params.dim_h_fc, activation=tf.nn.relu, name='fc1')
        endpoints = {
            'pred_cmd_ee': tf.layers.dense(inputs=net, units=3, name='pred_cmd_ee'),
            'logits_cmd_grp': tf.layers.dense(inputs=net, units=params.num_grp_states, name='logits_cmd_grp'),
            'pred_aux_ee': tf.layers.dense(inputs=net, units=3, name='pred_aux_ee'),
            'pred_aux_obj': tf.layers.dense(inputs=net, units=3, name='pred_aux_obj'),
        }
        return net, endpoints


def e2e_vmc(rgb_frames, jnt_states, params=E2E_VMC_DEFAULT_CONFIG, scope='VMC'):
    with tf.variable_scope(scope):
        feat_list = []
        for rgb_frame, jnt_state in zip(tf.unstack(rgb_frames, axis=1), tf.unstack(jnt_states, axis=1)):
            feat, _ = conv_encoder(rgb_frame, params=params)
            feat_list.append(tf.concat([tf.layers.flatten(feat), jnt_state], axis=-1))
        return lstm_decoder(feat_list, params=params)


def mse_loss(pred, target, name):
    loss = tf.losses.mean_squared_error(labels=target, predictions=pred, loss_collection=None)
    return tf.identity(loss, name=name)

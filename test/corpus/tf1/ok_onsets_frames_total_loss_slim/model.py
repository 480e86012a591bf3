# Idiom seen in: treeson-li/multi-GPU-onsets_frames model.py
# Idiom seen in: treeson-li/multi-GPU-onsets_frames train_util.py
# What it reproduces: the Onsets and Frames piano-transcription graph: a Kelz conv stack under a slim
#   arg_scope (here with weights_regularizer=slim.l2_regularizer(hparams.weight_decay)), heads that
#   tf.losses.add_loss their log losses, get_model returning tf.losses.get_total_loss() (data losses +
#   regularization losses) trained by slim.learning.create_train_op: clean.
import tensorflow as tf
import tensorflow.contrib.slim as slim

import constants
import tf_utils


def conv_net(inputs, hparams):
    """Builds the ConvNet from Kelz 2016."""
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        activation_fn=tf.nn.relu,
                        weights_initializer=tf.contrib.layers.variance_scaling_initializer(
                            factor=2.0, mode='FAN_AVG', uniform=True),
                        weights_regularizer=slim.l2_regularizer(hparams.weight_decay)):
        net = inputs
        for i, (t_size, f_size, num_filters, pool_size, keep) in enumerate(zip(
                hparams.temporal_sizes, hparams.freq_sizes, hparams.num_filters,
                hparams.pool_sizes, hparams.dropout_keep_amts)):
            net = slim.conv2d(net, num_filters, [t_size, f_size], scope='conv' + str(i),
                              normalizer_fn=slim.batch_norm)
            if pool_size > 1:
                net = slim.max_pool2d(net, [1, pool_size], stride=[1, pool_size],
                                      scope='pool' + str(i))
            if keep < 1:
                net = slim.dropout(net, keep, scope='dropout' + str(i))
        dims = tf.shape(net)
        net = tf.reshape(net, (dims[0], dims[1], net.shape[2].value * net.shape[3].value))
        net = slim.fully_connected(net, hparams.fc_size, scope='fc_end')
        net = slim.dropout(net, hparams.fc_dropout_keep_amt, scope='dropout_end')
    return net


def get_model(transcription_data, hparams, is_training=True):
    spec = transcription_data.spec
    onset_labels = transcription_data.onsets
    frame_labels = transcription_data.labels
    losses = {}
    with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
        with tf.variable_scope('onsets'):
            onset_outputs = conv_net(spec, hparams)
            onset_probs = slim.fully_connected(onset_outputs, constants.MIDI_PITCHES,
                                               activation_fn=tf.sigmoid, scope='onset_probs')
            onset_losses = tf_utils.log_loss(onset_labels, onset_probs)
            tf.losses.add_loss(tf.reduce_mean(onset_losses))
            losses['onset'] = onset_losses
        with tf.variable_scope('frame'):
            activation_outputs = conv_net(spec, hparams)
            combined = tf.concat([tf.stop_gradient(onset_probs), activation_outputs], 2)
            frame_probs = slim.fully_connected(combined, constants.MIDI_PITCHES,
                                               activation_fn=tf.sigmoid, scope='frame_probs')
            frame_losses = tf_utils.log_loss(frame_labels, frame_probs)
            tf.losses.add_loss(tf.reduce_mean(frame_losses))
            losses['frame'] = frame_losses
    return tf.losses.get_total_loss(), losses, frame_probs


def get_default_hparams():
    return tf.contrib.training.HParams(
        batch_size=8, learning_rate=0.0006, decay_steps=10000, decay_rate=0.98, clip_norm=3,
        temporal_sizes=[3, 3, 3], freq_sizes=[3, 3, 3], num_filters=[48, 48, 96],
        pool_sizes=[1, 2, 2], dropout_keep_amts=[1.0, 0.25, 0.25], fc_size=768,
        fc_dropout_keep_amt=0.5, weight_decay=1e-5)

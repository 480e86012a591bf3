# Idiom seen in: hirofumi0810/tensorflow_end2end_speech_recognition models/ctc/ctc.py (compute_loss),
#   models/encoders/core/vgg_wang.py (CNN front end with batch_normalization)
# What it reproduces: a CNN+BLSTM CTC acoustic model whose weight decay is hand-written: every trainable
#   variable whose name does not contain 'bias' gets l2_loss * weight_decay, filed under 'losses' and summed
#   (scoped to the tower) into total_loss. The name filter keeps out the conv 'bias' and the fully connected
#   'biases', but not batch norm's 'beta' and 'gamma', which are decayed like weights.
# label-note: WD203 on the line that adds each filtered variable's l2_loss (decay applied to normalization
#   parameters through a name filter that only knows 'bias'). The collection is summed and minimized, so no WD101.
import tensorflow as tf

from models.cnn_util import conv_layer, batch_normalization


class CTC(object):
    def __init__(self, input_size, num_units, num_layers, num_classes, weight_decay=0.0,
                 clip_grad_norm=5.0, parameter_init=0.1):
        self.input_size = input_size
        self.num_units = num_units
        self.num_layers = num_layers
        self.num_classes = num_classes + 1  # + blank
        self.weight_decay = float(weight_decay)
        self.clip_grad_norm = clip_grad_norm
        self.parameter_init = parameter_init

    def _encode(self, inputs, inputs_seq_len, keep_prob, is_training):
        x = tf.expand_dims(inputs, axis=-1)  # [B, T, F, 1]
        for i, (c_in, c_out) in enumerate([(1, 64), (64, 64), (64, 128)]):
            x = conv_layer(x, filter_size=[3, 3, c_in, c_out], name='conv%d' % (i + 1))
            x = batch_normalization(x, is_training=is_training, name='bn%d' % (i + 1))
            x = tf.nn.relu(x)
        x = tf.reshape(x, [tf.shape(x)[0], tf.shape(x)[1], self.input_size * 128])
        for i in range(self.num_layers):
            fw = tf.contrib.rnn.LSTMBlockCell(self.num_units)
            bw = tf.contrib.rnn.LSTMBlockCell(self.num_units)
            (out_fw, out_bw), _ = tf.nn.bidirectional_dynamic_rnn(
                fw, bw, x, sequence_length=inputs_seq_len, dtype=tf.float32, scope='blstm%d' % (i + 1))
            x = tf.nn.dropout(tf.concat([out_fw, out_bw], axis=2), keep_prob)
        return x

    def compute_loss(self, inputs, labels, inputs_seq_len, keep_prob, scope=None, is_training=True):
        outputs = self._encode(inputs, inputs_seq_len, keep_prob, is_training)
        batch_size, max_time = tf.shape(outputs)[0], tf.shape(outputs)[1]
        outputs_2d = tf.reshape(outputs, [-1, self.num_units * 2])
        with tf.variable_scope('output') as vs:
            logits_2d = tf.contrib.layers.fully_connected(
                outputs_2d, num_outputs=self.num_classes, activation_fn=None,
                weights_initializer=tf.truncated_normal_initializer(stddev=self.parameter_init),
                biases_initializer=tf.zeros_initializer(), scope=vs)
        logits = tf.transpose(tf.reshape(logits_2d, [batch_size, max_time, self.num_classes]), (1, 0, 2))

        if self.weight_decay > 0:
            with tf.name_scope('weight_decay_loss'):
                weight_sum = 0
                for var in tf.trainable_variables():
                    if 'bias' not in var.name.lower():
                        weight_sum += tf.nn.l2_loss(var)  # expect: WD203
                tf.add_to_collection('losses', weight_sum * self.weight_decay)

        with tf.name_scope('ctc_loss'):
            ctc_losses = tf.nn.ctc_loss(labels, logits, tf.cast(inputs_seq_len, tf.int32),
                                        ignore_longer_outputs_than_inputs=True, time_major=True)
            tf.add_to_collection('losses', tf.reduce_mean(ctc_losses, name='ctc_loss_mean'))

        total_loss = tf.add_n(tf.get_collection('losses', scope), name='total_loss')
        return total_loss, logits

    def train(self, loss, optimizer, learning_rate):
        opt = {'adam': tf.train.AdamOptimizer, 'rmsprop': tf.train.RMSPropOptimizer,
               'sgd': tf.train.GradientDescentOptimizer}[optimizer](learning_rate)
        grads_and_vars = opt.compute_gradients(loss)
        clipped = [(tf.clip_by_norm(g, self.clip_grad_norm), v) for g, v in grads_and_vars if g is not None]
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            return opt.apply_gradients(clipped, global_step=tf.train.get_or_create_global_step())

# Idiom seen in: hirofumi0810/tensorflow_end2end_speech_recognition models/ctc/ctc.py
# Idiom seen in: hirofumi0810/tensorflow_end2end_speech_recognition models/model_base.py
# What it reproduces: CTC model whose compute_loss adds weight_decay*sum(l2_loss) (non-bias) to 'losses', sums
# the tower's collection (get_collection('losses', scope)) into total_loss and returns that sum to the
# tower loop, which differentiates it: clean.
import tensorflow as tf

OPTIMIZER_CLS_NAMES = {
    'adam': tf.train.AdamOptimizer,
    'adadelta': tf.train.AdadeltaOptimizer,
    'rmsprop': tf.train.RMSPropOptimizer,
    'sgd': tf.train.GradientDescentOptimizer,
}


class CTC(object):

    def __init__(self, input_size, num_units, num_layers, num_classes,
                 clip_grad_norm=5.0, weight_decay=0.0):
        assert weight_decay >= 0, 'weight_decay must not be a negative value.'
        self.input_size = input_size
        self.num_units = num_units
        self.num_layers = num_layers
        self.num_classes = num_classes + 1
        self.clip_grad_norm = clip_grad_norm
        self.weight_decay = weight_decay
        self.summaries_train = []

    def _build(self, inputs, inputs_seq_len, keep_prob):
        cells = [tf.contrib.rnn.DropoutWrapper(tf.contrib.rnn.LSTMCell(self.num_units),
                                               output_keep_prob=keep_prob)
                 for _ in range(self.num_layers)]
        outputs, _ = tf.nn.dynamic_rnn(tf.contrib.rnn.MultiRNNCell(cells), inputs,
                                       sequence_length=inputs_seq_len, dtype=tf.float32)
        logits = tf.layers.dense(outputs, self.num_classes, name='output')
        return tf.transpose(logits, [1, 0, 2])

    def _set_optimizer(self, optimizer, learning_rate):
        if optimizer == 'momentum':
            return tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=0.9,
                                              use_nesterov=True)
        return OPTIMIZER_CLS_NAMES[optimizer](learning_rate=learning_rate)

    def compute_loss(self, inputs, labels, inputs_seq_len, keep_prob, scope=None):
        logits = self._build(inputs, inputs_seq_len, keep_prob)

        if self.weight_decay > 0:
            with tf.name_scope('weight_decay_loss'):
                weight_sum = 0
                for var in tf.trainable_variables():
                    if 'bias' not in var.name.lower():
                        weight_sum += tf.nn.l2_loss(var)
                tf.add_to_collection('losses', weight_sum * self.weight_decay)

        with tf.name_scope('ctc_loss'):
            ctc_losses = tf.nn.ctc_loss(labels, logits, tf.cast(inputs_seq_len, tf.int32),
                                        ignore_longer_outputs_than_inputs=True, time_major=True)
            ctc_loss = tf.reduce_mean(ctc_losses, name='ctc_loss_mean')
            tf.add_to_collection('losses', ctc_loss)

        total_loss = tf.add_n(tf.get_collection('losses', scope), name='total_loss')
        self.summaries_train.append(tf.summary.scalar('total_loss_train', total_loss))
        self.summaries_train.append(tf.summary.scalar('ctc_loss_train', ctc_loss))

        # the tower trains on the total (ctc + L2)
        return total_loss, logits

    def clip_gradients(self, grads_and_vars):
        return [(tf.clip_by_norm(g, self.clip_grad_norm), v) for g, v in grads_and_vars if g is not None]

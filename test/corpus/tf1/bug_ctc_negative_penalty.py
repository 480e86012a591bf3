# Idiom seen in: hirofumi0810/tensorflow_end2end_speech_recognition models/ctc/ctc.py
# Idiom seen in: hirofumi0810/tensorflow_end2end_speech_recognition models/model_base.py
# What it reproduces: single-GPU CTC model with weight_decay * sum(l2_loss(non-bias vars)); the user folds the
# term into the loss with a minus sign instead of adding it to 'losses', so the weights are pushed to grow
# (WD302 on the subtraction).
import argparse

import tensorflow as tf

from experiments.timit.data.load_dataset_ctc import Dataset


class CTC(object):

    def __init__(self, num_units, num_layers, num_classes, weight_decay=0.0):
        self.num_units = num_units
        self.num_layers = num_layers
        self.num_classes = num_classes + 1
        self.weight_decay = weight_decay

    def _build(self, inputs, seq_len):
        cells = [tf.contrib.rnn.LSTMCell(self.num_units) for _ in range(self.num_layers)]
        outputs, _ = tf.nn.dynamic_rnn(tf.contrib.rnn.MultiRNNCell(cells), inputs,
                                       sequence_length=seq_len, dtype=tf.float32)
        return tf.transpose(tf.layers.dense(outputs, self.num_classes), [1, 0, 2])

    def compute_loss(self, inputs, labels, seq_len):
        logits = self._build(inputs, seq_len)
        ctc_loss = tf.reduce_mean(tf.nn.ctc_loss(labels, logits, seq_len, time_major=True))
        weight_sum = 0
        for var in tf.trainable_variables():
            if 'bias' not in var.name.lower():
                weight_sum += tf.nn.l2_loss(var)
        total_loss = ctc_loss - self.weight_decay * weight_sum  # expect: WD302
        tf.summary.scalar('ctc_loss', ctc_loss)
        return total_loss, logits

    def train(self, loss, learning_rate):
        global_step = tf.Variable(0, name='global_step', trainable=False)
        optimizer = tf.train.AdamOptimizer(learning_rate)
        grads_and_vars = optimizer.compute_gradients(loss)
        clipped = [(tf.clip_by_norm(g, 5.0), v) for g, v in grads_and_vars if g is not None]
        return optimizer.apply_gradients(clipped, global_step=global_step)


def main(args):
    model = CTC(num_units=256, num_layers=5, num_classes=61, weight_decay=args.weight_decay)
    inputs = tf.placeholder(tf.float32, [None, None, 123])
    labels = tf.SparseTensor(tf.placeholder(tf.int64), tf.placeholder(tf.int32), tf.placeholder(tf.int64))
    seq_len = tf.placeholder(tf.int32, [None])
    loss, _ = model.compute_loss(inputs, labels, seq_len)
    train_op = model.train(loss, args.learning_rate)
    data = Dataset(data_type='train', batch_size=32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for batch in data:
            sess.run(train_op, feed_dict=data.feed(batch, inputs, labels, seq_len))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--weight_decay', type=float, default=1e-6)
    parser.add_argument('--learning_rate', type=float, default=1e-3)
    main(parser.parse_args())

# Idiom seen in: repository not resolved by the code index (index file id 13234085284: class rnn_clf, an
#   attention Bi-LSTM text classifier driven by a config object, importing xavier_initializer and l2_regularizer)
# What it reproduces: the output projection is created with tf.get_variable(..., regularizer=l2_regularizer(...)),
#   while a hand-written self.l2_loss (LSTM/attention kernels + softmax_w) is what reaches self.cost. Nothing ever
#   reads GraphKeys.REGULARIZATION_LOSSES, so the regularizer= argument adds no loss at all.
# label-note: WD102 on the regularizer= argument. The explicit penalty is wired correctly and no optimizer has a
#   weight_decay, so there is no WD201 (the regularizer term never reaches the loss, nothing is doubled).
import tensorflow as tf
from tensorflow.contrib import rnn
from tensorflow.contrib.layers import xavier_initializer, l2_regularizer

import data_helper
from configuration import clf_config

class rnn_clf(object):
    def __init__(self, config):
        self.num_classes = config.num_classes
        self.vocab_size = config.vocab_size
        self.hidden_size = config.hidden_size
        self.num_layers = config.num_layers
        self.l2_reg_lambda = config.l2_reg_lambda

        self.batch_size = tf.placeholder(tf.int32, [], name='batch_size')
        self.input_x = tf.placeholder(tf.int32, [None, None], name='input_x')
        self.input_y = tf.placeholder(tf.int64, [None], name='input_y')
        self.keep_prob = tf.placeholder(tf.float32, [], name='keep_prob')
        self.sequence_length = tf.placeholder(tf.int32, [None], name='sequence_length')
        self.l2_loss = tf.constant(0.0)

        embedding = tf.get_variable('embedding', [self.vocab_size, self.hidden_size], initializer=xavier_initializer())
        inputs = tf.nn.dropout(tf.nn.embedding_lookup(embedding, self.input_x), keep_prob=self.keep_prob)
        outputs = self.bi_lstm(inputs)
        attention_score = tf.nn.softmax(tf.layers.dense(outputs, units=1))
        attention_out = tf.squeeze(tf.matmul(tf.transpose(outputs, perm=[0, 2, 1]), attention_score), -1)

        with tf.name_scope('softmax'):
            softmax_w = tf.get_variable('softmax_w', [2 * self.hidden_size, self.num_classes],
                                        initializer=xavier_initializer(),
                                        regularizer=l2_regularizer(scale=0.2))  # expect: WD102
            softmax_b = tf.get_variable('softmax_b', [self.num_classes], initializer=tf.zeros_initializer())
            self.l2_loss += tf.nn.l2_loss(softmax_w)
            self.logits = tf.matmul(attention_out, softmax_w) + softmax_b
            self.predictions = tf.argmax(self.logits, 1, name='predictions')

        with tf.name_scope('loss'):
            for tv in tf.trainable_variables():
                if 'kernel' in tv.name:
                    self.l2_loss += tf.nn.l2_loss(tv)
            losses = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=self.input_y, logits=self.logits)
            self.cost = tf.reduce_mean(losses) + self.l2_reg_lambda * self.l2_loss

    def bi_lstm(self, inputs):
        def cell():
            return rnn.DropoutWrapper(rnn.LSTMBlockCell(self.hidden_size), output_keep_prob=self.keep_prob)
        cell_fw = rnn.MultiRNNCell([cell() for _ in range(self.num_layers)])
        cell_bw = rnn.MultiRNNCell([cell() for _ in range(self.num_layers)])
        with tf.variable_scope('Bi-LSTM'):
            outputs, _ = tf.nn.bidirectional_dynamic_rnn(cell_fw, cell_bw, inputs=inputs, dtype=tf.float32,
                                                         sequence_length=self.sequence_length)
        return tf.concat(outputs, -1)

def train():
    data, labels, lengths, vocab_size = data_helper.load_data(clf_config.data_file, clf_config.max_length)
    clf_config.vocab_size = vocab_size
    classifier = rnn_clf(clf_config)
    global_step = tf.Variable(0, name='global_step', trainable=False)
    tvars = tf.trainable_variables()
    grads, _ = tf.clip_by_global_norm(tf.gradients(classifier.cost, tvars), clf_config.max_grad_norm)
    optimizer = tf.train.AdamOptimizer(clf_config.learning_rate)
    train_op = optimizer.apply_gradients(zip(grads, tvars), global_step=global_step)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for x, y, seq_len in data_helper.batch_iter(data, labels, lengths, clf_config.batch_size, clf_config.num_epochs):
            feed = {classifier.input_x: x, classifier.input_y: y, classifier.sequence_length: seq_len,
                    classifier.batch_size: len(x), classifier.keep_prob: clf_config.keep_prob}
            _, step, cost = sess.run([train_op, global_step, classifier.cost], feed)
            if step % 100 == 0:
                print('step {}: cost {:.4f}'.format(step, cost))

if __name__ == '__main__':
    train()

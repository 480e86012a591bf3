# Idiom seen in: JaeZheng/text_cnn_mr text_cnn.py
# What it reproduces: the dennybritz-style TextCNN that accumulates l2_loss += tf.nn.l2_loss(W) on the output layer and adds
#   l2_reg_lambda * l2_loss to the loss; a realistic mistake on the repo's correct code: the term is split out to be shown in
#   TensorBoard and only the summary reads it, while self.loss is the bare cross entropy (WD104 on the term).
import numpy as np
import tensorflow as tf

import data_helpers

tf.flags.DEFINE_string('word2vec', 'GoogleNews-vectors-negative300.bin', 'Pretrained word vectors')
tf.flags.DEFINE_boolean('static', False, 'Keep the embedding fixed')
tf.flags.DEFINE_float('l2_reg_lambda', 3.0, 'L2 regularization lambda')
tf.flags.DEFINE_integer('batch_size', 50, 'Batch size')
tf.flags.DEFINE_integer('num_epochs', 25, 'Number of training epochs')
FLAGS = tf.flags.FLAGS


class TextCNN(object):
    def __init__(self, word_vec, static_flag, sequence_length, num_classes,
                 embedding_size, filter_sizes, num_filters, l2_reg_lambda=0.0):
        self.input_x = tf.placeholder(tf.int32, [None, sequence_length], name='input_x')
        self.input_y = tf.placeholder(tf.float32, [None, num_classes], name='input_y')
        self.dropout_keep_prob = tf.placeholder(tf.float32, name='dropout_keep_prob')
        l2_loss = tf.constant(0.0)

        with tf.device('/cpu:0'), tf.name_scope('embedding'):
            self.W = tf.Variable(initial_value=word_vec, dtype=tf.float32,
                                 trainable=not static_flag, name='W')
            embedded = tf.expand_dims(tf.nn.embedding_lookup(self.W, self.input_x), -1)

        pooled_outputs = []
        for filter_size in filter_sizes:
            with tf.name_scope('conv-maxpool-%s' % filter_size):
                W = tf.Variable(tf.truncated_normal([filter_size, embedding_size, 1, num_filters],
                                                    stddev=0.1), name='W')
                b = tf.Variable(tf.constant(0.1, shape=[num_filters]), name='b')
                h = tf.nn.relu(tf.nn.bias_add(
                    tf.nn.conv2d(embedded, W, strides=[1, 1, 1, 1], padding='VALID'), b))
                pooled_outputs.append(tf.nn.max_pool(
                    h, ksize=[1, sequence_length - filter_size + 1, 1, 1],
                    strides=[1, 1, 1, 1], padding='VALID'))

        num_filters_total = num_filters * len(filter_sizes)
        h_pool_flat = tf.reshape(tf.concat(pooled_outputs, 3), [-1, num_filters_total])
        h_drop = tf.nn.dropout(h_pool_flat, self.dropout_keep_prob)

        with tf.name_scope('output'):
            W = tf.get_variable('W', shape=[num_filters_total, num_classes],
                                initializer=tf.contrib.layers.xavier_initializer())
            b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name='b')
            l2_loss += tf.nn.l2_loss(W)
            l2_loss += tf.nn.l2_loss(b)
            self.scores = tf.nn.xw_plus_b(h_drop, W, b, name='scores')
            self.predictions = tf.argmax(self.scores, 1, name='predictions')

        with tf.name_scope('loss'):
            losses = tf.nn.softmax_cross_entropy_with_logits(logits=self.scores, labels=self.input_y)
            reg_term = l2_reg_lambda * l2_loss  # expect: WD104
            tf.summary.scalar('l2_reg', reg_term)
            self.loss = tf.reduce_mean(losses)

        with tf.name_scope('accuracy'):
            correct = tf.equal(self.predictions, tf.argmax(self.input_y, 1))
            self.accuracy = tf.reduce_mean(tf.cast(correct, 'float'), name='accuracy')


def main(_):
    x_train, y_train, vocab, word_vec = data_helpers.load_mr(FLAGS.word2vec)
    cnn = TextCNN(word_vec=word_vec, static_flag=FLAGS.static,
                  sequence_length=x_train.shape[1], num_classes=y_train.shape[1],
                  embedding_size=word_vec.shape[1], filter_sizes=[3, 4, 5],
                  num_filters=100, l2_reg_lambda=FLAGS.l2_reg_lambda)
    global_step = tf.Variable(0, name='global_step', trainable=False)
    optimizer = tf.train.AdadeltaOptimizer(1.0, rho=0.95, epsilon=1e-6)
    grads_and_vars = optimizer.compute_gradients(cnn.loss)
    train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)
    summary_op = tf.summary.merge_all()

    with tf.Session() as sess:
        writer = tf.summary.FileWriter('runs/mr', sess.graph)
        sess.run(tf.global_variables_initializer())
        for x_batch, y_batch in data_helpers.batch_iter(x_train, y_train, FLAGS.batch_size, FLAGS.num_epochs):
            _, step, summaries, loss, acc = sess.run(
                [train_op, global_step, summary_op, cnn.loss, cnn.accuracy],
                {cnn.input_x: x_batch, cnn.input_y: y_batch, cnn.dropout_keep_prob: 0.5})
            writer.add_summary(summaries, step)
            if step % 100 == 0:
                print('step {}, loss {:g}, acc {:g}'.format(step, loss, acc))


if __name__ == '__main__':
    tf.app.run()

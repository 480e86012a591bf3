# Idiom seen in: cjymz886/text-cnn text_model.py (TextConfig, TextCNN.cnn), text_train.py
# What it reproduces: a config-class TextCNN whose 'loss' scope first builds cross entropy + l2_reg_lambda *
#   self.l2_loss and, on the next line, rebinds self.loss to the bare cross entropy (left over from comparing the
#   two; reported in the repository's issue #19). The optimizer clips and applies gradients of self.loss.
# label-note: WD104 on the line that computes the decay term (l2_reg_lambda * self.l2_loss): the expression is
#   built but the rebinding drops it before anything reaches the optimizer. The original also put fc_b into
#   self.l2_loss; this copy keeps only fc_w so no bias-decay question arises.
import tensorflow as tf

from loader import read_vocab, read_category, batch_iter, process_file


class TextConfig(object):
    embedding_size, vocab_size, seq_length, num_classes = 100, 8000, 600, 10
    num_filters, filter_sizes = 128, [2, 3, 4]
    keep_prob, lr, clip = 0.5, 1e-3, 6.0
    l2_reg_lambda = 0.01
    num_epochs, batch_size = 10, 64


class TextCNN(object):
    def __init__(self, config):
        self.config = config
        self.input_x = tf.placeholder(tf.int32, shape=[None, config.seq_length], name='input_x')
        self.input_y = tf.placeholder(tf.float32, shape=[None, config.num_classes], name='input_y')
        self.keep_prob = tf.placeholder(tf.float32, name='dropout')
        self.global_step = tf.Variable(0, trainable=False, name='global_step')
        self.l2_loss = tf.constant(0.0)
        self.cnn()

    def cnn(self):
        with tf.device('/cpu:0'):
            self.embedding = tf.get_variable('embeddings', shape=[self.config.vocab_size, self.config.embedding_size])
            embedded = tf.expand_dims(tf.nn.embedding_lookup(self.embedding, self.input_x), -1)

        pooled_outputs = []
        for filter_size in self.config.filter_sizes:
            with tf.name_scope('conv-maxpool-%s' % filter_size):
                W = tf.Variable(tf.truncated_normal([filter_size, self.config.embedding_size, 1,
                                                     self.config.num_filters], stddev=0.1), name='W')
                b = tf.Variable(tf.constant(0.1, shape=[self.config.num_filters]), name='b')
                h = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(embedded, W, [1, 1, 1, 1], 'VALID'), b))
                pooled_outputs.append(tf.nn.max_pool(h, ksize=[1, self.config.seq_length - filter_size + 1, 1, 1],
                                                     strides=[1, 1, 1, 1], padding='VALID'))
        num_filters_total = self.config.num_filters * len(self.config.filter_sizes)
        outputs = tf.nn.dropout(tf.reshape(tf.concat(pooled_outputs, 3), [-1, num_filters_total]), self.keep_prob)

        with tf.name_scope('output'):
            fc_w = tf.get_variable('fc_w', shape=[num_filters_total, self.config.num_classes],
                                   initializer=tf.contrib.layers.xavier_initializer())
            fc_b = tf.Variable(tf.constant(0.1, shape=[self.config.num_classes]), name='fc_b')
            self.logits = tf.matmul(outputs, fc_w) + fc_b
            self.y_pred_cls = tf.argmax(self.logits, 1, name='predictions')

        with tf.name_scope('loss'):
            cross_entropy = tf.nn.softmax_cross_entropy_with_logits(logits=self.logits, labels=self.input_y)
            self.l2_loss += tf.nn.l2_loss(fc_w)
            self.loss = tf.reduce_mean(cross_entropy) + self.config.l2_reg_lambda * self.l2_loss  # expect: WD104
            self.loss = tf.reduce_mean(cross_entropy)

        with tf.name_scope('optimizer'):
            optimizer = tf.train.AdamOptimizer(self.config.lr)
            gradients, variables = zip(*optimizer.compute_gradients(self.loss))
            gradients, _ = tf.clip_by_global_norm(gradients, self.config.clip)
            self.optim = optimizer.apply_gradients(zip(gradients, variables), global_step=self.global_step)


def train():
    config = TextConfig()
    categories, cat_to_id = read_category()
    words, word_to_id = read_vocab('./data/vocab.txt')
    x_train, y_train = process_file('./data/cnews.train.txt', word_to_id, cat_to_id, config.seq_length)
    model = TextCNN(config)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        for epoch in range(config.num_epochs):
            for x_batch, y_batch in batch_iter(x_train, y_train, config.batch_size):
                feed = {model.input_x: x_batch, model.input_y: y_batch, model.keep_prob: config.keep_prob}
                _, step, loss = session.run([model.optim, model.global_step, model.loss], feed_dict=feed)
            print('epoch {}: step {} loss {:.4f}'.format(epoch + 1, step, loss))


if __name__ == '__main__':
    train()

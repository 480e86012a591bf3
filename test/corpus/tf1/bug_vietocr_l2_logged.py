# Idiom seen in: miendinh/VietnameseOCR model.py
# Idiom seen in: miendinh/VietnameseOCR train.py
# What it reproduces: Vietnamese character OCR CNN kept in a class (self.parameters, self.cost, train() builds the
#   optimizer); a user adds WEIGHT_DECAY * sum(l2_loss) over the fc weights but only writes it to TensorBoard while
#   AdamOptimizer minimizes self.cost (user mistake in the repo's idiom; the real repo had no decay).
import numpy as np
import tensorflow as tf
from dataset import DataSet
from config import NO_LABEL

WEIGHT_DECAY = 5e-4


class VietOcr:
    def __init__(self, sess=None, log=True):
        self.sess = sess
        self.log = log
        self.X = tf.placeholder(tf.float32, [None, 28, 28, 1], name='X')
        self.keep_prob = tf.placeholder(tf.float32, name='keep_prob')
        self.conv2d()
        self.fc_layers()
        self.probs = tf.nn.softmax(self.logits, name='softmax')

    def conv2d(self):
        self.parameters = []
        images = self.X - tf.constant([127.5], dtype=tf.float32, shape=[1, 1, 1, 1], name='img_mean')
        net = images
        for i, (c_in, c_out) in enumerate([(1, 32), (32, 64), (64, 128)]):
            with tf.name_scope('conv%d' % (i + 1)):
                kernel = tf.Variable(tf.random_normal([3, 3, c_in, c_out], stddev=1e-1), name='weights')
                biases = tf.Variable(tf.constant(0.0, shape=[c_out]), name='biases')
                net = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(net, kernel, [1, 1, 1, 1], padding='SAME'), biases))
                self.parameters += [kernel, biases]
            net = tf.nn.max_pool(net, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
            net = tf.nn.dropout(net, keep_prob=self.keep_prob)
        self.dropout3 = net

    def fc_layers(self):
        shape = int(np.prod(self.dropout3.get_shape()[1:]))
        with tf.name_scope('fc1'):
            self.fc1w = tf.get_variable('fc1w', shape=[shape, 625], initializer=tf.contrib.layers.xavier_initializer())
            fc1b = tf.Variable(tf.random_normal([625]))
            flat = tf.reshape(self.dropout3, [-1, shape])
            self.fc1 = tf.nn.relu(tf.nn.bias_add(tf.matmul(flat, self.fc1w), fc1b))
            self.parameters += [self.fc1w, fc1b]
        dropout_fc1 = tf.nn.dropout(self.fc1, keep_prob=self.keep_prob)
        with tf.name_scope('fc2'):
            self.fc2w = tf.get_variable('fc2w', shape=[625, NO_LABEL], initializer=tf.contrib.layers.xavier_initializer())
            fc2b = tf.Variable(tf.random_normal([NO_LABEL]))
            self.logits = tf.nn.bias_add(tf.matmul(dropout_fc1, self.fc2w), fc2b, name='logits')
            self.parameters += [self.fc2w, fc2b]

    def train(self, learning_rate, training_epochs, batch_size, keep_prob):
        self.dataset = DataSet()
        self.Y = tf.placeholder(tf.float32, [None, NO_LABEL], name='Y')
        self.cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=self.logits, labels=self.Y))
        l2_loss = WEIGHT_DECAY * tf.add_n([tf.nn.l2_loss(self.fc1w), tf.nn.l2_loss(self.fc2w)])  # expect: WD104
        self.optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate).minimize(self.cost)

        if self.log:
            tf.summary.scalar('cost', self.cost)
            tf.summary.scalar('l2_loss', l2_loss)
            self.merged = tf.summary.merge_all()
            self.train_writer = tf.summary.FileWriter('./log_train', self.sess.graph)

        self.sess.run(tf.global_variables_initializer())
        for epoch in range(training_epochs):
            avg_cost = 0
            total_batch = int(len(self.dataset.train_idx) / batch_size)
            for i in range(total_batch + 1):
                batch_xs, batch_ys = self.dataset.next_batch(batch_size)
                feed_dict = {self.X: batch_xs.reshape([batch_xs.shape[0], 28, 28, 1]),
                             self.Y: batch_ys, self.keep_prob: keep_prob}
                summary, c, _ = self.sess.run([self.merged, self.cost, self.optimizer], feed_dict=feed_dict)
                avg_cost += c / total_batch
            if self.log:
                self.train_writer.add_summary(summary, epoch)
            print('Epoch:', '%02d' % (epoch + 1), 'cost =', '{:.9f}'.format(avg_cost))
        saver = tf.train.Saver()
        saver.save(self.sess, 'viet_ocr_brain.ckpt')


if __name__ == '__main__':
    sess = tf.Session()
    vocr = VietOcr(sess=sess)
    vocr.train(learning_rate=0.001, training_epochs=15, batch_size=100, keep_prob=0.7)

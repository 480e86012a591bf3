# Idiom seen in: qiuliwang/MedicWork Code/livercancer/newmodel.py
# What it reproduces: the CNN+LSTM liver-lesion model whose build_optimizer hands only the cross entropy to
#   tf.contrib.layers.optimize_loss; the kernel_regularizer terms of the NN layers are left out.
import tensorflow as tf

from nn import NN


class RCNNModel(object):
    def __init__(self, config):
        self.config = config
        self.is_train = config.phase == 'train'
        self.nn = NN(config)
        self.global_step = tf.train.get_or_create_global_step()
        self.image_shape = [224, 224, 1]

    def build(self):
        self.build_cnn()
        self.build_rnn()
        if self.is_train:
            self.build_optimizer()
            self.build_summary()

    def build_cnn(self):
        self.images = tf.placeholder(tf.float32, [None] + self.image_shape)
        net = self.images
        for block, (filters, ksize) in enumerate([(32, 7), (64, 5), (128, 3), (256, 3)]):
            for j in range(3):
                net = self.nn.conv2d(net, filters, kernel_size=(ksize, ksize),
                                     name='conv%d_%d' % (block + 1, j + 1))
            net = self.nn.max_pool2d(net, name='pool%d' % (block + 1))
        shape = net.get_shape().as_list()
        self.conv_feats = tf.reshape(net, [-1, shape[1] * shape[2], shape[3]])

    def build_rnn(self):
        config = self.config
        self.labels = tf.placeholder(tf.float32, [None, 2])
        lstm = tf.nn.rnn_cell.LSTMCell(config.num_lstm_units)
        outputs, _ = tf.nn.dynamic_rnn(lstm, self.conv_feats, dtype=tf.float32)
        last = outputs[:, -1, :]
        hidden = self.nn.dense(last, units=config.dim_decode_layer, activation=tf.tanh, name='fc_1')
        hidden = self.nn.dropout(hidden)
        logits = self.nn.dense(hidden, units=2, activation=None, name='fc_2')
        cross_entropy = tf.nn.softmax_cross_entropy_with_logits_v2(labels=self.labels, logits=logits)
        self.cross_entropy_loss = tf.reduce_mean(cross_entropy)
        self.correct_pred = tf.equal(tf.argmax(logits, 1), tf.argmax(self.labels, 1))

    def build_optimizer(self):
        config = self.config
        with tf.variable_scope('optimizer', reuse=tf.AUTO_REUSE):
            if config.optimizer == 'Adam':
                optimizer = tf.train.AdamOptimizer(learning_rate=config.initial_learning_rate)
            elif config.optimizer == 'Momentum':
                optimizer = tf.train.MomentumOptimizer(learning_rate=config.initial_learning_rate,
                                                       momentum=config.momentum,
                                                       use_nesterov=config.use_nesterov)
            else:
                optimizer = tf.train.GradientDescentOptimizer(learning_rate=config.initial_learning_rate)

            self.opt_op = tf.contrib.layers.optimize_loss(
                loss=self.cross_entropy_loss,
                global_step=self.global_step,
                learning_rate=config.initial_learning_rate,
                optimizer=optimizer,
                clip_gradients=config.clip_gradients)

    def build_summary(self):
        tf.summary.scalar('cross_entropy_loss', self.cross_entropy_loss)
        self.summary = tf.summary.merge_all()

    def train_step(self, sess, images, labels):
        feed = {self.images: images, self.labels: labels}
        _, loss, summary = sess.run([self.opt_op, self.cross_entropy_loss, self.summary], feed_dict=feed)
        return loss, summary

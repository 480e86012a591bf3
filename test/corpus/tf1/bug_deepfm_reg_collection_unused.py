# Idiom seen in: s8435330song/netease-test script/deepfm.py
# What it reproduces: a DeepFM class driven by a config dict (reg_l2 ...) puts l2 regularizers on its
#   FM/DNN weights and even sums the regularization collection into total_loss, but train() minimizes self.loss.
# label-note: the collection IS read and summed (so this is WD105 on the add_n line, not WD102 on the
#   regularizer= lines); the sum only reaches a summary, never the optimizer.
import tensorflow as tf

from data_utils import feature_length, field_cnt, batch_generator


class DeepFM(object):
    def __init__(self, config):
        self.k = config['k']
        self.lr = config['lr']
        self.batch_size = config['batch_size']
        self.reg_l2 = config['reg_l2']
        self.p = feature_length

    def add_placeholders(self):
        self.X = tf.placeholder('float32', [None, self.p])
        self.y = tf.placeholder('int64', [None])
        self.keep_prob = tf.placeholder('float32')

    def inference(self):
        reg = tf.contrib.layers.l2_regularizer(self.reg_l2)
        with tf.variable_scope('FM'):
            b = tf.get_variable('bias', shape=[2], initializer=tf.zeros_initializer())
            w1 = tf.get_variable('w1', shape=[self.p, 2], regularizer=reg,
                                 initializer=tf.truncated_normal_initializer(stddev=1e-2))
            v = tf.get_variable('v', shape=[self.p, self.k], regularizer=reg,
                                initializer=tf.truncated_normal_initializer(stddev=1e-2))
            linear_terms = tf.add(tf.matmul(self.X, w1), b)
            interaction_terms = 0.5 * tf.reduce_mean(
                tf.pow(tf.matmul(self.X, v), 2) - tf.matmul(tf.pow(self.X, 2), tf.pow(v, 2)),
                1, keep_dims=True)
        with tf.variable_scope('DNN'):
            hidden = tf.layers.dense(tf.matmul(self.X, v), 64, activation=tf.nn.relu, kernel_regularizer=reg)
            hidden = tf.nn.dropout(hidden, self.keep_prob)
            deep_out = tf.layers.dense(hidden, 2, kernel_regularizer=reg)
        self.y_out = linear_terms + interaction_terms + deep_out
        self.y_out_prob = tf.nn.softmax(self.y_out)

    def add_loss(self):
        cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=self.y, logits=self.y_out)
        self.loss = tf.reduce_mean(cross_entropy)
        reg_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        self.reg_loss = tf.add_n(reg_losses)  # expect: WD105
        self.total_loss = self.loss + self.reg_loss
        tf.summary.scalar('loss', self.loss)
        tf.summary.scalar('total_loss', self.total_loss)

    def train(self):
        self.global_step = tf.Variable(0, trainable=False)
        optimizer = tf.train.AdagradOptimizer(self.lr)
        extra_update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(extra_update_ops):
            self.train_op = optimizer.minimize(self.loss, global_step=self.global_step)

    def build_graph(self):
        self.add_placeholders()
        self.inference()
        self.add_loss()
        self.train()


if __name__ == '__main__':
    config = {'k': 40, 'lr': 0.01, 'batch_size': 512, 'reg_l2': 1e-2}
    model = DeepFM(config)
    model.build_graph()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for X, y in batch_generator(config['batch_size']):
            _, loss = sess.run([model.train_op, model.total_loss],
                               feed_dict={model.X: X, model.y: y, model.keep_prob: 0.5})

# Idiom seen in: repository not resolved by the code index (index file id 475416101: class CNNModel with
#   train(dataset, ..., l2_loss_rate, ...), main(argv) via argument_parser and tf.app.run())
# What it reproduces: only the fully connected weights are regularized ("只对全连接层的权重加入正则化"): their
#   UNSCALED tf.nn.l2_loss goes into a project collection 'l2_losses', and train() scales the sum by the
#   command-line l2_loss_rate and adds it to the cross entropy it minimizes (compute_gradients/apply_gradients).
#   The tf.data reader is a module that is not part of this file.
import argparse
import os

import tensorflow as tf

from read_dataset import ReadDataset, Data_path, num_train_examples


def argument_parser(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch_size', type=int, default=100)
    parser.add_argument('--learning_rate_base', type=float, default=0.01)
    parser.add_argument('--learning_rate_decay', type=float, default=0.99)
    parser.add_argument('--l2_loss_rate', type=float, default=1e-4)
    parser.add_argument('--training_steps', type=int, default=30000)
    parser.add_argument('--model_save_path', type=str, default='./model')
    return parser


class CNNModel(object):
    def __init__(self, image_size=28, channels=1, num_classes=10, fc_size=512):
        self.x = tf.placeholder(tf.float32, [None, image_size, image_size, channels], name='x-input')
        self.y = tf.placeholder(tf.int32, [None], name='y-input')
        self.is_training = tf.placeholder(tf.bool, name='is_training')
        self.fc_size, self.num_classes = fc_size, num_classes
        self.logit = self.inference()

    def _conv(self, x, scope, shape):
        with tf.variable_scope(scope):
            w = tf.get_variable('weight', shape, initializer=tf.truncated_normal_initializer(stddev=0.1))
            b = tf.get_variable('bias', [shape[-1]], initializer=tf.constant_initializer(0.0))
            relu = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(x, w, [1, 1, 1, 1], padding='SAME'), b))
            return tf.nn.max_pool(relu, [1, 2, 2, 1], [1, 2, 2, 1], padding='SAME')

    def _fc(self, x, scope, in_dim, out_dim, relu=True):
        with tf.variable_scope(scope):
            w = tf.get_variable('weight', [in_dim, out_dim], initializer=tf.truncated_normal_initializer(stddev=0.1))
            tf.add_to_collection('l2_losses', tf.nn.l2_loss(w))
            b = tf.get_variable('bias', [out_dim], initializer=tf.constant_initializer(0.0))
            out = tf.nn.bias_add(tf.matmul(x, w), b)
            return tf.nn.relu(out) if relu else out

    def inference(self):
        pool1 = self._conv(self.x, 'conv1', [5, 5, 1, 32])
        pool2 = self._conv(pool1, 'conv2', [5, 5, 32, 64])
        nodes = 7 * 7 * 64
        fc1 = self._fc(tf.reshape(pool2, [-1, nodes]), 'fc1', nodes, self.fc_size)
        fc1 = tf.cond(self.is_training, lambda: tf.nn.dropout(fc1, 0.5), lambda: fc1)
        return self._fc(fc1, 'fc2', self.fc_size, self.num_classes, relu=False)

    def train(self, dataset, batch_size, learning_rate_base, learning_rate_decay, l2_loss_rate,
              training_steps, model_save_path):
        image_batch, label_batch = dataset.train_batch(batch_size)
        cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=self.logit, labels=self.y)
        loss = tf.reduce_mean(cross_entropy) + l2_loss_rate * tf.add_n(tf.get_collection('l2_losses'))
        tf.summary.scalar('loss', loss)
        global_step = tf.get_variable('global_step', [], initializer=tf.constant_initializer(0), trainable=False)
        learning_rate = tf.train.exponential_decay(learning_rate_base, global_step, num_train_examples / batch_size,
                                                   learning_rate_decay, staircase=True)
        optimizer = tf.train.GradientDescentOptimizer(learning_rate)
        train_op = optimizer.apply_gradients(optimizer.compute_gradients(loss), global_step=global_step)
        saver = tf.train.Saver()
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for i in range(training_steps):
                images, labels = sess.run([image_batch, label_batch])
                _, loss_value, step = sess.run([train_op, loss, global_step],
                                               feed_dict={self.x: images, self.y: labels, self.is_training: True})
                if (i + 1) % 1000 == 0:
                    saver.save(sess, os.path.join(model_save_path, 'model.ckpt'), global_step=global_step)
                    print('After %d training step(s), loss on training batch is %g.' % (step, loss_value))


def main(argv=None):
    args = argument_parser(argv).parse_args()
    dataset = ReadDataset(ftrain=Data_path['train'], fval=Data_path['validation'], ftest=Data_path['test'])
    model = CNNModel()
    model.train(dataset, args.batch_size, args.learning_rate_base, args.learning_rate_decay,
                args.l2_loss_rate, args.training_steps, args.model_save_path)


if __name__ == '__main__':
    tf.app.run()

# Idiom seen in: LantaoYu/SeqGAN discriminator.py
# Idiom seen in: LantaoYu/SeqGAN sequence_gan.py
# What it reproduces: the SeqGAN CNN discriminator (conv-maxpool banks + highway) keeping a running
#   l2_loss = l2_loss(W) + l2_loss(b) of its output layer; self.loss adds l2_reg_lambda * l2_loss and the
#   discriminator's own Adam compute_gradients/apply_gradients train on self.loss. Clean (Adam, lambda 0.2).
import numpy as np
import tensorflow as tf

from dataloader import Dis_dataloader

dis_embedding_dim = 64
dis_filter_sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20]
dis_num_filters = [100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160]
dis_dropout_keep_prob = 0.75
dis_l2_reg_lambda = 0.2
BATCH_SIZE = 64
positive_file = 'save/real_data.txt'
negative_file = 'save/generator_sample.txt'


def linear(input_, output_size, scope=None):
    shape = input_.get_shape().as_list()
    with tf.variable_scope(scope or "SimpleLinear"):
        matrix = tf.get_variable("Matrix", [output_size, shape[1]], dtype=input_.dtype)
        bias_term = tf.get_variable("Bias", [output_size], dtype=input_.dtype)
    return tf.matmul(input_, tf.transpose(matrix)) + bias_term


def highway(input_, size, num_layers=1, bias=-2.0, f=tf.nn.relu, scope='Highway'):
    with tf.variable_scope(scope):
        for idx in range(num_layers):
            g = f(linear(input_, size, scope='highway_lin_%d' % idx))
            t = tf.sigmoid(linear(input_, size, scope='highway_gate_%d' % idx) + bias)
            output = t * g + (1. - t) * input_
            input_ = output
    return output


class Discriminator(object):
    def __init__(self, sequence_length, num_classes, vocab_size, embedding_size, filter_sizes, num_filters,
                 l2_reg_lambda=0.0):
        self.input_x = tf.placeholder(tf.int32, [None, sequence_length], name="input_x")
        self.input_y = tf.placeholder(tf.float32, [None, num_classes], name="input_y")
        self.dropout_keep_prob = tf.placeholder(tf.float32, name="dropout_keep_prob")

        l2_loss = tf.constant(0.0)

        with tf.variable_scope('discriminator'):
            with tf.device('/cpu:0'), tf.name_scope("embedding"):
                self.W = tf.Variable(tf.random_uniform([vocab_size, embedding_size], -1.0, 1.0), name="W")
                self.embedded_chars_expanded = tf.expand_dims(tf.nn.embedding_lookup(self.W, self.input_x), -1)

            pooled_outputs = []
            for filter_size, num_filter in zip(filter_sizes, num_filters):
                with tf.name_scope("conv-maxpool-%s" % filter_size):
                    W = tf.Variable(tf.truncated_normal([filter_size, embedding_size, 1, num_filter], stddev=0.1),
                                    name="W")
                    b = tf.Variable(tf.constant(0.1, shape=[num_filter]), name="b")
                    conv = tf.nn.conv2d(self.embedded_chars_expanded, W, strides=[1, 1, 1, 1], padding="VALID")
                    h = tf.nn.relu(tf.nn.bias_add(conv, b), name="relu")
                    pooled_outputs.append(tf.nn.max_pool(h, ksize=[1, sequence_length - filter_size + 1, 1, 1],
                                                         strides=[1, 1, 1, 1], padding='VALID'))

            num_filters_total = sum(num_filters)
            h_pool_flat = tf.reshape(tf.concat(pooled_outputs, 3), [-1, num_filters_total])
            with tf.name_scope("highway"):
                h_highway = highway(h_pool_flat, h_pool_flat.get_shape()[1], 1, 0)
            with tf.name_scope("dropout"):
                h_drop = tf.nn.dropout(h_highway, self.dropout_keep_prob)

            with tf.name_scope("output"):
                W = tf.Variable(tf.truncated_normal([num_filters_total, num_classes], stddev=0.1), name="W")
                b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name="b")
                l2_loss += tf.nn.l2_loss(W)
                l2_loss += tf.nn.l2_loss(b)
                self.scores = tf.nn.xw_plus_b(h_drop, W, b, name="scores")
                self.ypred_for_auc = tf.nn.softmax(self.scores)

            with tf.name_scope("loss"):
                losses = tf.nn.softmax_cross_entropy_with_logits(logits=self.scores, labels=self.input_y)
                self.loss = tf.reduce_mean(losses) + l2_reg_lambda * l2_loss

        self.params = [param for param in tf.trainable_variables() if 'discriminator' in param.name]
        d_optimizer = tf.train.AdamOptimizer(1e-4)
        grads_and_vars = d_optimizer.compute_gradients(self.loss, self.params, aggregation_method=2)
        self.train_op = d_optimizer.apply_gradients(grads_and_vars)


def pretrain_discriminator(vocab_size=5000, epochs=50):
    dis_data_loader = Dis_dataloader(BATCH_SIZE)
    discriminator = Discriminator(sequence_length=20, num_classes=2, vocab_size=vocab_size,
                                  embedding_size=dis_embedding_dim, filter_sizes=dis_filter_sizes,
                                  num_filters=dis_num_filters, l2_reg_lambda=dis_l2_reg_lambda)
    config = tf.ConfigProto()
    config.gpu_options.allow_growth = True
    sess = tf.Session(config=config)
    sess.run(tf.global_variables_initializer())
    for _ in range(epochs):
        dis_data_loader.load_train_data(positive_file, negative_file)
        for _ in range(3):
            dis_data_loader.reset_pointer()
            for it in range(dis_data_loader.num_batch):
                x_batch, y_batch = dis_data_loader.next_batch()
                feed = {discriminator.input_x: x_batch, discriminator.input_y: y_batch,
                        discriminator.dropout_keep_prob: dis_dropout_keep_prob}
                sess.run(discriminator.train_op, feed)
    return sess, discriminator


if __name__ == '__main__':
    np.random.seed(88)
    pretrain_discriminator()

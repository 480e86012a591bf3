# Idiom seen in: angrypark/korean-text-classification-tf models/TextCNN.py
# Idiom seen in: angrypark/korean-text-classification-tf base/base_model.py
# What it reproduces: a config-driven TextCNN (BaseModel template) that accumulates l2_loss of the
#   output W and b; the user split the loss to log its parts, scales the penalty by l2_reg_lambda
#   for a summary, but the train_step minimizes the bare cross entropy (user slip; the repo adds it).
import tensorflow as tf

from base_model import BaseModel


class TextCNN(BaseModel):
    def __init__(self, config):
        super(TextCNN, self).__init__(config)
        self.build_model()
        self.init_saver()

    def build_model(self):
        self.max_length = self.config.max_length
        self.vocab_size = self.config.vocab_size
        self.embed_dim = self.config.embed_dim
        self.filter_sizes = [3, 4, 5]
        self.num_filters = 128
        self.l2_reg_lambda = self.config.l2_reg_lambda
        self.num_classes = self.config.num_classes

        self.input_x = tf.placeholder(tf.int32, [None, self.max_length], name="input_x")
        self.input_y = tf.placeholder(tf.float32, [None], name="input_y")
        self.dropout_keep_prob = tf.placeholder(tf.float32, name="dropout_keep_prob")

        # Keeping track of l2 regularization loss (optional)
        l2_loss = tf.constant(0.0)

        with tf.device("/cpu:0"), tf.name_scope("embedding"):
            self.W = tf.Variable(tf.random_uniform([self.vocab_size, self.embed_dim], -1.0, 1.0),
                                 name="W")
            embed_chars_expanded = tf.expand_dims(tf.nn.embedding_lookup(self.W, self.input_x), -1)

        pooled_outputs = list()
        for filter_size in self.filter_sizes:
            with tf.name_scope("conv-maxpool-{}".format(filter_size)):
                filter_shape = [filter_size, self.embed_dim, 1, self.num_filters]
                W = tf.Variable(tf.truncated_normal(filter_shape, stddev=0.1), name="W")
                b = tf.Variable(tf.constant(0.1, shape=[self.num_filters]), name="b")
                conv = tf.nn.conv2d(embed_chars_expanded, W, strides=[1, 1, 1, 1],
                                    padding="VALID", name="conv")
                h = tf.nn.relu(tf.nn.bias_add(conv, b), name="relu")
                pooled_outputs.append(tf.nn.max_pool(
                    h, ksize=[1, self.max_length - filter_size + 1, 1, 1],
                    strides=[1, 1, 1, 1], padding="VALID", name="pool"))

        num_filters_total = self.num_filters * len(self.filter_sizes)
        h_pool_flat = tf.reshape(tf.concat(pooled_outputs, 1), shape=[-1, num_filters_total])
        with tf.name_scope("dropout"):
            h_drop = tf.nn.dropout(h_pool_flat, keep_prob=self.dropout_keep_prob)

        with tf.name_scope("output"):
            W = tf.get_variable("W", shape=[num_filters_total, self.num_classes],
                                initializer=tf.contrib.layers.xavier_initializer())
            b = tf.Variable(tf.constant(0.1, shape=[self.num_classes], name="b"))
            l2_loss += tf.nn.l2_loss(W) + tf.nn.l2_loss(b)
            self.scores = tf.nn.xw_plus_b(h_drop, W, b, name="scores")
            self.predictions = tf.argmax(self.scores, 1, name="predictions")

        with tf.name_scope("loss"):
            labels = tf.cast(self.input_y, tf.int64)
            losses = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=self.scores,
                                                                    labels=labels)
            self.loss = tf.reduce_mean(losses)
            l2_penalty = self.l2_reg_lambda * l2_loss  # expect: WD104
            tf.summary.scalar("cross_entropy", self.loss)
            tf.summary.scalar("l2_penalty", l2_penalty)
            self.train_step = tf.train.AdamOptimizer(self.config.learning_rate) \
                .minimize(self.loss, global_step=self.global_step_tensor)

        with tf.name_scope("score"):
            correct_predictions = tf.equal(self.predictions, labels)
            self.score = tf.reduce_mean(tf.cast(correct_predictions, "float"), name="score")

    def init_saver(self):
        self.saver = tf.train.Saver(max_to_keep=self.config.max_to_keep)

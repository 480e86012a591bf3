# Idiom seen in: LhWorld/Text-CNN text_cnn.py
# What it reproduces: the embedding TextCNN keeps its l2_loss sum on the object (self.l2_loss) and
#   the training script scales it by l2_reg_lambda only for a tf.summary; cnn.loss (what is minimized) has no decay.
import tensorflow as tf


class TextCNN(object):
    def __init__(self, sequence_length, num_classes, vocab_size,
                 embedding_size, filter_sizes, num_filters):
        self.input_x = tf.placeholder(tf.int32, [None, sequence_length], name="input_x")
        self.input_y = tf.placeholder(tf.float32, [None, num_classes], name="input_y")
        self.dropout_keep_prob = tf.placeholder(tf.float32, name="dropout_keep_prob")

        self.l2_loss = tf.constant(0.0)

        with tf.device('/cpu:0'), tf.name_scope("embedding"):
            self.W = tf.Variable(tf.random_uniform([vocab_size, embedding_size], -1.0, 1.0), name="W")
            embedded = tf.expand_dims(tf.nn.embedding_lookup(self.W, self.input_x), -1)

        pooled_outputs = []
        for filter_size in filter_sizes:
            with tf.name_scope("conv-maxpool-%s" % filter_size):
                W = tf.Variable(tf.truncated_normal([filter_size, embedding_size, 1, num_filters], stddev=0.1), name="W")
                b = tf.Variable(tf.constant(0.1, shape=[num_filters]), name="b")
                h = tf.nn.relu(tf.nn.bias_add(
                    tf.nn.conv2d(embedded, W, strides=[1, 1, 1, 1], padding="VALID"), b))
                pooled_outputs.append(tf.nn.max_pool(h, ksize=[1, sequence_length - filter_size + 1, 1, 1],
                                                     strides=[1, 1, 1, 1], padding='VALID'))

        num_filters_total = num_filters * len(filter_sizes)
        h_flat = tf.reshape(tf.concat(pooled_outputs, 3), [-1, num_filters_total])
        h_drop = tf.nn.dropout(h_flat, self.dropout_keep_prob)

        with tf.name_scope("output"):
            W = tf.get_variable("W", shape=[num_filters_total, num_classes],
                                initializer=tf.contrib.layers.xavier_initializer())
            b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name="b")
            self.l2_loss += tf.nn.l2_loss(W)
            self.l2_loss += tf.nn.l2_loss(b)
            self.scores = tf.nn.xw_plus_b(h_drop, W, b, name="scores")
            self.predictions = tf.argmax(self.scores, 1, name="predictions")

        with tf.name_scope("loss"):
            losses = tf.nn.softmax_cross_entropy_with_logits(logits=self.scores, labels=self.input_y)
            self.loss = tf.reduce_mean(losses)

        with tf.name_scope("accuracy"):
            correct = tf.equal(self.predictions, tf.argmax(self.input_y, 1))
            self.accuracy = tf.reduce_mean(tf.cast(correct, "float"), name="accuracy")

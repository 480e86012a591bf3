# Idiom seen in: GreenGitHuber/zh_cnn_text_classify text_cnn.py
# What it reproduces: TextCNN class that accumulates l2_loss over the output layer and folds
#   l2_reg_lambda * l2_loss into self.loss; the training script minimizes cnn.loss, so the decay is live (clean).
import tensorflow as tf


class TextCNN(object):
    """Word-vector CNN for sentence classification (pre-embedded input)."""

    def __init__(self, sequence_length, num_classes, embedding_size,
                 filter_sizes, num_filters, l2_reg_lambda=0.0):
        self.input_x = tf.placeholder(tf.float32, [None, sequence_length, embedding_size], name="input_x")
        self.input_y = tf.placeholder(tf.float32, [None, num_classes], name="input_y")
        self.dropout_keep_prob = tf.placeholder(tf.float32, name="dropout_keep_prob")

        l2_loss = tf.constant(0.0)
        expanded = tf.expand_dims(self.input_x, -1)

        pooled = []
        for size in filter_sizes:
            with tf.name_scope("conv-maxpool-%s" % size):
                W = tf.Variable(tf.truncated_normal([size, embedding_size, 1, num_filters], stddev=0.1), name="W")
                b = tf.Variable(tf.constant(0.1, shape=[num_filters]), name="b")
                conv = tf.nn.conv2d(expanded, W, strides=[1, 1, 1, 1], padding="VALID")
                h = tf.nn.relu(tf.nn.bias_add(conv, b))
                pooled.append(tf.nn.max_pool(h, ksize=[1, sequence_length - size + 1, 1, 1],
                                             strides=[1, 1, 1, 1], padding="VALID"))

        total = num_filters * len(filter_sizes)
        h_flat = tf.reshape(tf.concat(pooled, 3), [-1, total])
        h_drop = tf.nn.dropout(h_flat, self.dropout_keep_prob)

        with tf.name_scope("output"):
            W = tf.get_variable("W_out", shape=[total, num_classes],
                                initializer=tf.contrib.layers.xavier_initializer())
            b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name="b")
            l2_loss += tf.nn.l2_loss(W)
            l2_loss += tf.nn.l2_loss(b)
            self.scores = tf.nn.xw_plus_b(h_drop, W, b, name="scores")
            self.predictions = tf.argmax(self.scores, 1, name="predictions")

        with tf.name_scope("loss"):
            xent = tf.nn.softmax_cross_entropy_with_logits(logits=self.scores, labels=self.input_y)
            self.loss = tf.reduce_mean(xent) + l2_reg_lambda * l2_loss

        with tf.name_scope("accuracy"):
            correct = tf.equal(self.predictions, tf.argmax(self.input_y, 1))
            self.accuracy = tf.reduce_mean(tf.cast(correct, "float"), name="accuracy")

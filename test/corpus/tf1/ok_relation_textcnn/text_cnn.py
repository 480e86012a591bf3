# Idiom seen in: roomylee/cnn-relation-extraction text_cnn.py
# What it reproduces: the text CNN for relation classification with word + two position embeddings;
#   `l2_loss += tf.nn.l2_loss(W)` on the output projection and loss = mean xent + l2_reg_lambda * l2_loss,
#   which train.py's Adam compute_gradients trains. Clean.
import tensorflow as tf


class TextCNN:
    def __init__(self, sequence_length, num_classes, text_vocab_size, text_embedding_size,
                 dist_vocab_size, dist_embedding_size, filter_sizes, num_filters, l2_reg_lambda=0.0):
        self.input_text = tf.placeholder(tf.int32, shape=[None, sequence_length], name='input_text')
        self.input_dist1 = tf.placeholder(tf.int32, shape=[None, sequence_length], name='input_dist1')
        self.input_dist2 = tf.placeholder(tf.int32, shape=[None, sequence_length], name='input_dist2')
        self.input_y = tf.placeholder(tf.float32, shape=[None, num_classes], name='input_y')
        self.dropout_keep_prob = tf.placeholder(tf.float32, name='dropout_keep_prob')

        l2_loss = tf.constant(0.0)

        with tf.device('/cpu:0'), tf.name_scope("text-embedding"):
            self.W_text = tf.Variable(tf.random_uniform([text_vocab_size, text_embedding_size], -1.0, 1.0), name="W_text")
            text_embedded = tf.expand_dims(tf.nn.embedding_lookup(self.W_text, self.input_text), -1)
        with tf.device('/cpu:0'), tf.name_scope("dist-embedding"):
            self.W_dist1 = tf.Variable(tf.random_uniform([dist_vocab_size, dist_embedding_size], -1.0, 1.0), name="W_dist1")
            self.W_dist2 = tf.Variable(tf.random_uniform([dist_vocab_size, dist_embedding_size], -1.0, 1.0), name="W_dist2")
            dist1_embedded = tf.expand_dims(tf.nn.embedding_lookup(self.W_dist1, self.input_dist1), -1)
            dist2_embedded = tf.expand_dims(tf.nn.embedding_lookup(self.W_dist2, self.input_dist2), -1)

        self.embedded_chars_expanded = tf.concat([text_embedded, dist1_embedded, dist2_embedded], 2)
        embedding_size = text_embedding_size + 2 * dist_embedding_size

        pooled_outputs = []
        for i, filter_size in enumerate(filter_sizes):
            with tf.name_scope("conv-maxpool-%s" % filter_size):
                W = tf.Variable(tf.truncated_normal([filter_size, embedding_size, 1, num_filters], stddev=0.1), name="W")
                b = tf.Variable(tf.constant(0.1, shape=[num_filters]), name="b")
                conv = tf.nn.conv2d(self.embedded_chars_expanded, W, strides=[1, 1, 1, 1], padding="VALID", name="conv")
                h = tf.nn.relu(tf.nn.bias_add(conv, b), name="relu")
                pooled = tf.nn.max_pool(h, ksize=[1, sequence_length - filter_size + 1, 1, 1],
                                        strides=[1, 1, 1, 1], padding='VALID', name="pool")
                pooled_outputs.append(pooled)

        num_filters_total = num_filters * len(filter_sizes)
        self.h_pool_flat = tf.reshape(tf.concat(pooled_outputs, 3), [-1, num_filters_total])
        with tf.name_scope("dropout"):
            self.h_drop = tf.nn.dropout(self.h_pool_flat, self.dropout_keep_prob)

        with tf.name_scope("output"):
            W = tf.get_variable("W", shape=[num_filters_total, num_classes], initializer=tf.contrib.layers.xavier_initializer())
            b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name="b")
            l2_loss += tf.nn.l2_loss(W)
            l2_loss += tf.nn.l2_loss(b)
            self.scores = tf.nn.xw_plus_b(self.h_drop, W, b, name="scores")
            self.predictions = tf.argmax(self.scores, 1, name="predictions")

        with tf.name_scope("loss"):
            losses = tf.nn.softmax_cross_entropy_with_logits(logits=self.scores, labels=self.input_y)
            self.loss = tf.reduce_mean(losses) + l2_reg_lambda * l2_loss

        with tf.name_scope("accuracy"):
            correct = tf.equal(self.predictions, tf.argmax(self.input_y, 1))
            self.accuracy = tf.reduce_mean(tf.cast(correct, "float"), name="accuracy")

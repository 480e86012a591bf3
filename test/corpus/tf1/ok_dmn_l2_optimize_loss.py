# Idiom seen in: huseinzol05/NLP-Models-Tensorflow text-classification/dynamic_memory_network.py
# What it reproduces: a Dynamic Memory Network for story QA whose loss() adds l2_lambda * sum(l2_loss(v)) over
#   the trainable variables that are not biases, and train() hands self.cost to
#   tf.contrib.layers.optimize_loss (Adam, gradient clipping). The constructor's l2_lambda is passed. Clean.
import numpy as np
import tensorflow as tf
from tensorflow import contrib as tf_contrib

from data_utils import load_babi_task


class DynamicMemoryNetwork(object):

    def __init__(self, num_classes, learning_rate, decay_steps, decay_rate, sequence_length,
                 story_length, vocab_size, embed_size, hidden_size, num_pass=2,
                 initializer=tf.random_normal_initializer(stddev=0.1), clip_gradients=5.0,
                 l2_lambda=0.0001):
        self.num_classes = num_classes
        self.sequence_length = sequence_length
        self.story_length = story_length
        self.vocab_size = vocab_size
        self.embed_size = embed_size
        self.hidden_size = hidden_size
        self.num_pass = num_pass
        self.initializer = initializer
        self.clip_gradients = clip_gradients
        self.l2_lambda = l2_lambda
        self.learning_rate = tf.Variable(learning_rate, trainable=False, name='learning_rate')
        self.decay_steps, self.decay_rate = decay_steps, decay_rate
        self.global_step = tf.Variable(0, trainable=False, name='Global_Step')

        self.story = tf.placeholder(tf.int32, [None, self.story_length, self.sequence_length])
        self.query = tf.placeholder(tf.int32, [None, self.sequence_length])
        self.answer_single = tf.placeholder(tf.int32, [None])

        self.instantiate_weights()
        self.logits = self.inference()
        self.predictions = tf.argmax(self.logits, axis=1)
        self.cost = self.loss(l2_lambda=self.l2_lambda)
        self.train_op = self.train()

    def instantiate_weights(self):
        with tf.variable_scope('embedding_projection'):
            self.Embedding = tf.get_variable('Embedding', shape=[self.vocab_size, self.embed_size],
                                             initializer=self.initializer)
        with tf.variable_scope('memory'):
            self.W_m = tf.get_variable('W_m', shape=[3 * self.hidden_size, self.hidden_size],
                                       initializer=self.initializer)
            self.b_m = tf.get_variable('bias_m', shape=[self.hidden_size])
        with tf.variable_scope('answer'):
            self.W_a = tf.get_variable('W_a', shape=[self.hidden_size, self.num_classes],
                                       initializer=self.initializer)
            self.b_a = tf.get_variable('bias_a', shape=[self.num_classes])

    def inference(self):
        story_emb = tf.reduce_sum(tf.nn.embedding_lookup(self.Embedding, self.story), axis=2)
        query_emb = tf.reduce_sum(tf.nn.embedding_lookup(self.Embedding, self.query), axis=1)
        cell = tf.nn.rnn_cell.GRUCell(self.hidden_size)
        facts, _ = tf.nn.dynamic_rnn(cell, story_emb, dtype=tf.float32, scope='input_module')
        question = tf.layers.dense(query_emb, self.hidden_size, name='question_module')
        memory = question
        for _ in range(self.num_pass):
            gates = tf.nn.softmax(tf.reduce_sum(facts * tf.expand_dims(memory, 1), axis=2))
            episode = tf.reduce_sum(facts * tf.expand_dims(gates, 2), axis=1)
            memory = tf.nn.relu(tf.matmul(tf.concat([memory, episode, question], 1), self.W_m) + self.b_m)
        return tf.matmul(memory, self.W_a) + self.b_a

    def loss(self, l2_lambda=0.0001):
        with tf.name_scope('loss'):
            losses = tf.nn.sparse_softmax_cross_entropy_with_logits(
                labels=self.answer_single, logits=self.logits)
            loss = tf.reduce_mean(losses)
            l2_losses = tf.add_n(
                [tf.nn.l2_loss(v) for v in tf.trainable_variables()
                 if ('bias' not in v.name) and ('alpha' not in v.name)]) * l2_lambda
            loss = loss + l2_losses
        return loss

    def train(self):
        learning_rate = tf.train.exponential_decay(self.learning_rate, self.global_step,
                                                   self.decay_steps, self.decay_rate, staircase=True)
        train_op = tf_contrib.layers.optimize_loss(
            self.cost, global_step=self.global_step, learning_rate=learning_rate,
            optimizer='Adam', clip_gradients=self.clip_gradients)
        return train_op


if __name__ == '__main__':
    train_x, train_q, train_y, vocab_size = load_babi_task(1)
    model = DynamicMemoryNetwork(num_classes=vocab_size, learning_rate=1e-3, decay_steps=1000,
                                 decay_rate=0.9, sequence_length=train_x.shape[2],
                                 story_length=train_x.shape[1], vocab_size=vocab_size,
                                 embed_size=64, hidden_size=64, l2_lambda=1e-4)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    for epoch in range(20):
        for i in range(0, len(train_x), 32):
            _, cost = sess.run([model.train_op, model.cost],
                               feed_dict={model.story: train_x[i:i + 32], model.query: train_q[i:i + 32],
                                          model.answer_single: train_y[i:i + 32]})
        print('epoch %d, cost %f' % (epoch, cost))

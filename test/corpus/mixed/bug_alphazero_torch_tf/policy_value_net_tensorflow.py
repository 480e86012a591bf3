# Idiom seen in: junxiaosong/AlphaZero_Gomoku policy_value_net_tensorflow.py
# What it reproduces: the TF1 twin of the same net: the L2 penalty over the non-bias trainable variables is
# added to the loss that AdamOptimizer minimizes. This file is clean (the bug is in the PyTorch twin).
import numpy as np
import tensorflow as tf


class PolicyValueNet():
    def __init__(self, board_width, board_height, model_file=None):
        self.board_width, self.board_height = board_width, board_height
        self.input_states = tf.placeholder(tf.float32, shape=[None, 4, board_height, board_width])
        self.input_state = tf.transpose(self.input_states, [0, 2, 3, 1])
        self.conv1 = tf.layers.conv2d(self.input_state, 32, [3, 3], padding="same", activation=tf.nn.relu)
        self.conv2 = tf.layers.conv2d(self.conv1, 64, [3, 3], padding="same", activation=tf.nn.relu)
        self.conv3 = tf.layers.conv2d(self.conv2, 128, [3, 3], padding="same", activation=tf.nn.relu)
        self.action_conv = tf.layers.conv2d(self.conv3, 4, [1, 1], padding="same", activation=tf.nn.relu)
        self.action_conv_flat = tf.reshape(self.action_conv, [-1, 4 * board_height * board_width])
        self.action_fc = tf.layers.dense(self.action_conv_flat, board_height * board_width, activation=tf.nn.log_softmax)
        self.evaluation_conv = tf.layers.conv2d(self.conv3, 2, [1, 1], padding="same", activation=tf.nn.relu)
        self.evaluation_conv_flat = tf.reshape(self.evaluation_conv, [-1, 2 * board_height * board_width])
        self.evaluation_fc1 = tf.layers.dense(self.evaluation_conv_flat, 64, activation=tf.nn.relu)
        self.evaluation_fc2 = tf.layers.dense(self.evaluation_fc1, 1, activation=tf.nn.tanh)

        self.labels = tf.placeholder(tf.float32, shape=[None, 1])
        self.value_loss = tf.losses.mean_squared_error(self.labels, self.evaluation_fc2)
        self.mcts_probs = tf.placeholder(tf.float32, shape=[None, board_height * board_width])
        self.policy_loss = tf.negative(tf.reduce_mean(tf.reduce_sum(tf.multiply(self.mcts_probs, self.action_fc), 1)))
        l2_penalty_beta = 1e-4
        vars = tf.trainable_variables()
        l2_penalty = l2_penalty_beta * tf.add_n([tf.nn.l2_loss(v) for v in vars if 'bias' not in v.name.lower()])
        self.loss = self.value_loss + self.policy_loss + l2_penalty

        self.learning_rate = tf.placeholder(tf.float32)
        self.optimizer = tf.train.AdamOptimizer(learning_rate=self.learning_rate).minimize(self.loss)
        self.session = tf.Session()
        self.session.run(tf.global_variables_initializer())
        self.saver = tf.train.Saver()
        if model_file is not None:
            self.saver.restore(self.session, model_file)

    def train_step(self, state_batch, mcts_probs, winner_batch, lr):
        winner_batch = np.reshape(winner_batch, (-1, 1))
        loss, _ = self.session.run([self.loss, self.optimizer],
                                   feed_dict={self.input_states: state_batch, self.mcts_probs: mcts_probs,
                                              self.labels: winner_batch, self.learning_rate: lr})
        return loss

    def save_model(self, model_path):
        self.saver.save(self.session, model_path)

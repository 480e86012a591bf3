# Idiom seen in: dengl11/CS234-Project alg/dqn_tf.py
# Idiom seen in: dengl11/CS234-Project config/dqntf_config.py
# What it reproduces: course project (CS234) DQN for a task-oriented dialogue agent in TF1: a hand-written
# L2 penalty 0.5 * reg * ||W||^2 / batch_size on both weight matrices is returned as part of the loss
# that RMSProp's compute_gradients differentiates for the 'q' scope. Clean.
import os

import numpy as np
import tensorflow as tf


class DQNTfConfig:
    output_path = "results/qLearnNN/"
    model_output = output_path + "model.weights/"
    grad_clip = False
    clip_val = 10
    reg = 1e-3
    lr = 1e-3


class DQNTF(object):
    def __init__(self, input_size, hidden_size, output_size, params):
        self.config = DQNTfConfig
        self.batch_size = params['batch_size']
        if not os.path.exists(self.config.output_path):
            os.makedirs(self.config.output_path)
        self.gamma = params.get('gamma', 0.9)
        self.learning_rate = self.config.lr
        self.input_size, self.hidden_size, self.output_size = input_size, hidden_size, output_size
        self.build_model()

    def init_weight(self, fan_in, fan_out, name, scale=1):
        scaler = np.sqrt(6. / (fan_in + fan_out))
        init = scaler * (tf.random_uniform([fan_in, fan_out]) * 2 - 1) * scale
        return tf.Variable(init, name=name)

    def build_model(self):
        tf.reset_default_graph()
        self.sess = tf.Session()
        self.states = tf.placeholder(tf.float32, shape=(None, self.input_size))
        self.next_states = tf.placeholder(tf.float32, shape=(None, self.input_size))
        self.done_mask = tf.placeholder(tf.bool, shape=(None))
        self.rewards = tf.placeholder(tf.float32, shape=(None))
        self.actions = tf.placeholder(tf.int32, shape=(None))
        self.q, self.W1, self.W2 = self.get_q_values(self.states, "q")
        self.target_q, _, _ = self.get_q_values(self.next_states, "target_q")
        self.loss, self.reg_loss = self.get_loss(self.q, self.target_q)
        self.set_train_step("q")
        self.sess.run(tf.global_variables_initializer())

    def set_train_step(self, scope):
        optimizer = tf.train.RMSPropOptimizer(learning_rate=self.learning_rate, epsilon=1e-8,
                                              momentum=0.1)
        xs = tf.get_collection(key=tf.GraphKeys.TRAINABLE_VARIABLES, scope=scope)
        with tf.variable_scope("loss"):
            grad_var_list = optimizer.compute_gradients(self.loss, xs)
            gradients = [g for g, _ in grad_var_list]
            if self.config.grad_clip:
                gradients = [tf.clip_by_norm(g, self.config.clip_val) for g in gradients]
            self.train_step = optimizer.apply_gradients(list(zip(gradients, xs)))

    def get_loss(self, q, target_q):
        not_done = 1 - tf.cast(self.done_mask, tf.float32)
        Q_samp = self.rewards + self.gamma * tf.reduce_max(target_q, axis=1) * not_done
        q_extracted = tf.reduce_sum(tf.one_hot(self.actions, self.output_size) * q, axis=1)
        reg = self.config.reg
        with tf.variable_scope("loss"):
            loss = tf.reduce_mean(tf.square(q_extracted - Q_samp))
            reg_loss = 0.5 * reg * tf.square(tf.norm(self.W1)) / self.batch_size
            reg_loss += 0.5 * reg * tf.square(tf.norm(self.W2)) / self.batch_size
            return loss + reg_loss, reg_loss

    def get_q_values(self, state, scope):
        with tf.variable_scope(scope):
            w1 = self.init_weight(self.input_size, self.hidden_size, "W1")
            b1 = tf.Variable(tf.zeros(self.hidden_size), name="b1")
            x = tf.nn.relu(tf.matmul(state, w1) + b1)
            w2 = self.init_weight(self.hidden_size, self.output_size, "W2", scale=0.1)
            b2 = tf.Variable(tf.zeros(self.output_size), name="b2")
            return tf.matmul(x, w2) + b2, w1, w2

    def train_batch(self, batch_experience):
        self.batch_size = len(batch_experience)
        dic = {self.states: np.concatenate([x[0] for x in batch_experience], axis=0),
               self.next_states: np.concatenate([x[3] for x in batch_experience], axis=0),
               self.done_mask: np.array([x[4] for x in batch_experience]),
               self.rewards: np.array([x[2] for x in batch_experience]),
               self.actions: np.array([x[1] for x in batch_experience])}
        self.sess.run([self.train_step], dic)
        loss, reg_loss = self.sess.run([self.loss, self.reg_loss], dic)
        return loss


if __name__ == '__main__':
    dqn = DQNTF(272, 60, 43, {'batch_size': 16, 'gamma': 0.9})
    rng = np.random.RandomState(0)
    batch = [(rng.rand(1, 272), rng.randint(43), rng.rand(), rng.rand(1, 272), False)
             for _ in range(16)]
    print(dqn.train_batch(batch))

# Idiom seen in: ChenShawn/advanced_policy_gradient_methods ppo_baseline.py
# What it reproduces: the repo's TF1 PPO (clip) with an L2 penalty on the actor and critic kernels added by a user;
#   the critic adds it correctly, but the actor writes "-mean(clipped surrogate) - l2_coef * l2" (copying the
#   "surr - lam * kl" shape of the kl_pen branch outside the negation), so minimizing pi_loss grows the weights.
import argparse
import gym
import numpy as np
import tensorflow as tf

from utils import save, load, TrajectoryProcessor


def add_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument('-i', '--iter', type=int, default=5012, help='number of total iteration')
    parser.add_argument('-b', '--batch_size', type=int, default=32, help='batch size')
    parser.add_argument('--v_lr', type=float, default=2e-4, help='learning rate of value function update')
    parser.add_argument('--pi_lr', type=float, default=1e-4, help='learning rate of policy function')
    parser.add_argument('--l2_coef', type=float, default=1e-3, help='L2 penalty on the network kernels')
    parser.add_argument('--epsilon', type=float, default=0.2, help='clip range')
    parser.add_argument('--model_dir', type=str, default='./ckpt/ppo/', help='model directory')
    return parser.parse_args()


class PPO(object):
    def __init__(self, v_lr, pi_lr, s_dim, a_dim, epsilon, l2_coef, model_dir):
        self.tfs = tf.placeholder(tf.float32, [None, s_dim], 'state')
        self.tfa = tf.placeholder(tf.float32, [None, a_dim], 'action')
        self.tfdc_r = tf.placeholder(tf.float32, [None, 1], 'discounted_r')
        self.l2_coef = l2_coef

        with tf.variable_scope('value'):
            l1 = tf.layers.dense(self.tfs, 100, activation=tf.nn.relu)
            self.v = tf.layers.dense(l1, 1)
            self.advantage = self.tfdc_r - self.v
            v_vars = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope='value')
            v_l2 = tf.add_n([tf.nn.l2_loss(v) for v in v_vars if 'kernel' in v.name])
            self.v_loss = tf.reduce_mean(tf.square(self.advantage)) + self.l2_coef * v_l2

        pi, pi_vars = self._build_policy('pi', a_dim, trainable=True)
        oldpi, oldpi_vars = self._build_policy('oldpi', a_dim, trainable=False)
        self.sample_op = tf.squeeze(pi.sample(1), axis=0)
        self.update_oldpi_op = [oldp.assign(p) for p, oldp in zip(pi_vars, oldpi_vars)]

        self.tfadv = tf.stop_gradient(self.advantage)
        with tf.variable_scope('loss'):
            ratio = pi.prob(self.tfa) / oldpi.prob(self.tfa)
            surr = ratio * self.tfadv
            clipped = tf.clip_by_value(ratio, 1.0 - epsilon, 1.0 + epsilon) * self.tfadv
            pi_l2 = tf.add_n([tf.nn.l2_loss(v) for v in pi_vars if 'kernel' in v.name])
            self.pi_loss = -tf.reduce_mean(tf.minimum(surr, clipped)) - self.l2_coef * pi_l2  # expect: WD302

        with tf.variable_scope('train_ops'):
            self.vtrain_op = tf.train.AdamOptimizer(v_lr).minimize(self.v_loss, var_list=v_vars)
            self.pitrain_op = tf.train.AdamOptimizer(pi_lr).minimize(self.pi_loss, var_list=pi_vars)

        self.sess = tf.Session()
        self.sess.run(tf.global_variables_initializer())
        _, self.counter = load(self.sess, model_dir)

    def _build_policy(self, name, n_out, trainable=True):
        with tf.variable_scope(name):
            l1 = tf.layers.dense(self.tfs, 100, tf.nn.relu, trainable=trainable)
            mu = 2 * tf.layers.dense(l1, n_out, tf.nn.tanh, trainable=trainable)
            sigma = tf.layers.dense(l1, n_out, tf.nn.softplus, trainable=trainable)
            norm_dist = tf.distributions.Normal(loc=mu, scale=sigma + 1e-4)
        params = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=name)
        return norm_dist, params

    def update(self, s, a, r, v_iter=10, pi_iter=10):
        self.sess.run(self.update_oldpi_op)
        feed_dict = {self.tfs: s, self.tfa: a, self.tfdc_r: r}
        for _ in range(pi_iter):
            self.sess.run(self.pitrain_op, feed_dict=feed_dict)
        for _ in range(v_iter):
            self.sess.run(self.vtrain_op, feed_dict=feed_dict)
        self.counter += 1

    def choose_action(self, s):
        a = self.sess.run(self.sample_op, {self.tfs: s[np.newaxis, :]})[0]
        return np.clip(a, -2, 2)


if __name__ == '__main__':
    args = add_arguments()
    env = gym.make('Pendulum-v0')
    ppo = PPO(args.v_lr, args.pi_lr, env.observation_space.shape[0], env.action_space.shape[0],
              args.epsilon, args.l2_coef, args.model_dir)
    processor = TrajectoryProcessor(gamma=0.9)
    for it in range(args.iter):
        s, buffer = env.reset(), []
        for t in range(200):
            a = ppo.choose_action(s)
            s_, r, done, _ = env.step(a)
            buffer.append((s, a, (r + 8) / 8))
            s = s_
            if (t + 1) % args.batch_size == 0 or t == 199:
                bs, ba, br = processor.process(buffer, ppo.sess.run(ppo.v, {ppo.tfs: s[np.newaxis, :]})[0, 0])
                ppo.update(bs, ba, br)
                buffer = []
        if it % 100 == 0:
            save(ppo.sess, args.model_dir, ppo.counter)

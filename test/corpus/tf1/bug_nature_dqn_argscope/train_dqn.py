# Idiom seen in: uwsampl/relay-bench experiments/cnn_comp/tf_models/dqn.py
# What it reproduces: Nature-DQN built with slim, weights_regularizer set through slim.arg_scope; realistic mistake
#   when training it: the TD (Huber) loss is minimized alone, REGULARIZATION_LOSSES is never read.
import numpy as np
import tensorflow as tf

from dqn_net import nature_dqn
from replay import ReplayBuffer
from atari_wrappers import make_atari_env

flags = tf.app.flags
flags.DEFINE_string('env', 'BreakoutNoFrameskip-v4', 'gym id')
flags.DEFINE_float('lr', 2.5e-4, 'RMSProp learning rate')
flags.DEFINE_float('gamma', 0.99, 'discount')
flags.DEFINE_integer('batch_size', 32, 'minibatch')
flags.DEFINE_integer('steps', 5000000, 'env steps')
FLAGS = flags.FLAGS


def main(_):
    env = make_atari_env(FLAGS.env)
    n_actions = env.action_space.n
    obs_ph = tf.placeholder(tf.float32, [None, 84, 84, 4])
    next_obs_ph = tf.placeholder(tf.float32, [None, 84, 84, 4])
    act_ph = tf.placeholder(tf.int32, [None])
    rew_ph = tf.placeholder(tf.float32, [None])
    done_ph = tf.placeholder(tf.float32, [None])

    q = nature_dqn(obs_ph / 255.0, is_training=True, scope='online', num_action=n_actions)
    q_next = nature_dqn(next_obs_ph / 255.0, scope='target', num_action=n_actions)
    q_sa = tf.reduce_sum(q * tf.one_hot(act_ph, n_actions), axis=1)
    target = rew_ph + FLAGS.gamma * (1.0 - done_ph) * tf.reduce_max(q_next, axis=1)
    td_loss = tf.losses.huber_loss(tf.stop_gradient(target), q_sa)

    online_vars = tf.trainable_variables('online')
    opt = tf.train.RMSPropOptimizer(FLAGS.lr, decay=0.95, epsilon=0.01)
    train_op = opt.minimize(td_loss, var_list=online_vars)
    sync = tf.group(*[t.assign(o) for o, t in zip(online_vars, tf.trainable_variables('target'))])

    buffer = ReplayBuffer(1000000)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        obs = env.reset()
        for t in range(FLAGS.steps):
            action = np.argmax(sess.run(q, {obs_ph: obs[None]})[0]) if np.random.rand() > 0.1 else env.action_space.sample()
            new_obs, reward, done, _ = env.step(action)
            buffer.add(obs, action, reward, new_obs, float(done))
            obs = env.reset() if done else new_obs
            if t > 50000 and t % 4 == 0:
                o, a, r, o2, d = buffer.sample(FLAGS.batch_size)
                sess.run(train_op, {obs_ph: o, act_ph: a, rew_ph: r, next_obs_ph: o2, done_ph: d})
            if t % 10000 == 0:
                sess.run(sync)


if __name__ == '__main__':
    tf.app.run()

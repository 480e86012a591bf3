# Idiom seen in: Rowing0914/TF2_RL tf_rl/examples/DQN/README.md
# What it reproduces: a TF2 DQN in the dopamine configuration (Huber loss, RMSProp, target network synced every
# N steps, gin-style flags) whose Q-network carries l2 kernel_regularizers; the tape loss adds
# tf.reduce_sum(self.main_model.losses) to the Huber TD loss. Clean.
import argparse

import gym
import numpy as np
import tensorflow as tf

from tf_rl.common.memory import ReplayBuffer
from tf_rl.common.wrappers import wrap_deepmind

parser = argparse.ArgumentParser()
parser.add_argument('--env_name', default='PongNoFrameskip-v4')
parser.add_argument('--gamma', type=float, default=0.99)
parser.add_argument('--lr', type=float, default=0.00025)
parser.add_argument('--l2_reg', type=float, default=1e-6)
parser.add_argument('--sync_freq', type=int, default=8000)
parser.add_argument('--num_frames', type=int, default=10000000)
parser.add_argument('--batch_size', type=int, default=32)
args = parser.parse_args()


def q_network(num_action, l2_reg):
    reg = tf.keras.regularizers.l2(l2_reg)
    return tf.keras.Sequential([
        tf.keras.layers.Conv2D(32, 8, 4, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.Conv2D(64, 4, 2, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.Conv2D(64, 3, 1, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(512, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.Dense(num_action),
    ])


class DQN(object):

    def __init__(self, num_action):
        self.num_action = num_action
        self.main_model = q_network(num_action, args.l2_reg)
        self.target_model = q_network(num_action, args.l2_reg)
        self.optimizer = tf.keras.optimizers.RMSprop(args.lr, rho=0.95, epsilon=0.01, centered=True)
        self.huber = tf.keras.losses.Huber()

    @tf.function
    def update(self, states, actions, rewards, next_states, dones):
        next_q = tf.reduce_max(self.target_model(next_states), axis=-1)
        target = rewards + args.gamma * next_q * (1. - dones)
        with tf.GradientTape() as tape:
            q = self.main_model(states)
            chosen = tf.reduce_sum(q * tf.one_hot(actions, self.num_action), axis=-1)
            loss = self.huber(tf.stop_gradient(target), chosen)
            loss += tf.reduce_sum(self.main_model.losses)
        grads = tape.gradient(loss, self.main_model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.main_model.trainable_variables))
        return loss

    def select_action(self, state, epsilon):
        if np.random.rand() < epsilon:
            return np.random.randint(self.num_action)
        return int(np.argmax(self.main_model(state[None].astype(np.float32))[0]))


def train_eval():
    env = wrap_deepmind(gym.make(args.env_name))
    agent = DQN(env.action_space.n)
    memory = ReplayBuffer(size=1000000)
    state = env.reset()
    for frame in range(args.num_frames):
        epsilon = max(0.01, 1.0 - frame / 1000000)
        action = agent.select_action(np.asarray(state), epsilon)
        next_state, reward, done, _ = env.step(action)
        memory.add(state, action, reward, next_state, done)
        state = env.reset() if done else next_state
        if frame > 20000 and frame % 4 == 0:
            s, a, r, ns, d = memory.sample(args.batch_size)
            agent.update(s.astype(np.float32), a, r.astype(np.float32), ns.astype(np.float32),
                         d.astype(np.float32))
        if frame % args.sync_freq == 0:
            agent.target_model.set_weights(agent.main_model.get_weights())


if __name__ == '__main__':
    train_eval()

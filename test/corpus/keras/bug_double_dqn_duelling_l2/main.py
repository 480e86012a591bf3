# Idiom seen in: Rowing0914/TF_RL examples/DDDP/Duelling_Double_DQN_PER_eager_cartpole.py
# What it reproduces: argparse hyper-parameters, a Huber/MSE switch, an annealed epsilon policy and a prioritized
#   replay buffer handed to a shared train_DQN_PER loop; buffer, policy and loop come from modules outside
#   this folder.
import argparse

import gym
import tensorflow as tf

from double_dqn import Double_DQN_cartpole
from networks import Duelling_cartpole
from memory import PrioritizedReplayBuffer
from policy import EpsilonGreedyPolicy
from train_loops import train_DQN_PER
from utils import AnnealingSchedule, gradient_clip_fn

parser = argparse.ArgumentParser()
parser.add_argument('--env_name', default='CartPole-v0')
parser.add_argument('--loss_fn', default='huber', help='huber or mse')
parser.add_argument('--grad_clip_flg', default='norm', help='norm, value or None')
parser.add_argument('--num_frames', default=10000, type=int)
parser.add_argument('--memory_size', default=5000, type=int)
parser.add_argument('--learning_start', default=100, type=int)
parser.add_argument('--sync_freq', default=100, type=int)
parser.add_argument('--batch_size', default=32, type=int)
parser.add_argument('--gamma', default=0.99, type=float)
parser.add_argument('--learning_rate', default=1e-3, type=float)
parser.add_argument('--prioritized_replay_alpha', default=0.6, type=float)
params = parser.parse_args()

env = gym.make(params.env_name)
replay_buffer = PrioritizedReplayBuffer(params.memory_size, alpha=params.prioritized_replay_alpha)
policy = EpsilonGreedyPolicy(Epsilon_fn=AnnealingSchedule(start=1.0, end=0.02, decay_steps=params.num_frames))
optimizer = tf.keras.optimizers.Adam(learning_rate=params.learning_rate)
if params.loss_fn == 'huber':
    loss_fn = tf.compat.v1.losses.huber_loss
else:
    loss_fn = tf.compat.v1.losses.mean_squared_error
grad_clip_fn = gradient_clip_fn(flag=params.grad_clip_flg)

agent = Double_DQN_cartpole(Duelling_cartpole, optimizer, loss_fn, grad_clip_fn, env.action_space.n, params)
train_DQN_PER(agent, env, policy, replay_buffer, params)

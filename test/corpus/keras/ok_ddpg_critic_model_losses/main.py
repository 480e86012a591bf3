# Idiom seen in: Rowing0914/TF_RL examples/DDPG/DDPG_eager.py
# What it reproduces: argparse hyper-parameters including --L2_reg, a Pendulum environment, replay buffer and
#   Ornstein-Uhlenbeck noise from modules outside this folder, and the usual interaction loop with soft target
#   updates after every learning step.
import argparse

import gym

from ddpg import DDPG
from memory import ReplayBuffer
from networks import DDPG_Actor, DDPG_Critic
from random_process import OrnsteinUhlenbeckProcess
from utils import soft_target_model_update

parser = argparse.ArgumentParser()
parser.add_argument('--env_name', default='Pendulum-v0')
parser.add_argument('--num_frames', default=500000, type=int)
parser.add_argument('--memory_size', default=100000, type=int)
parser.add_argument('--learning_start', default=10000, type=int)
parser.add_argument('--batch_size', default=100, type=int)
parser.add_argument('--gamma', default=0.99, type=float)
parser.add_argument('--soft_update_tau', default=1e-2, type=float)
parser.add_argument('--L2_reg', default=0.5, type=float, help='magnitude of L2 regularisation')
params = parser.parse_args()

env = gym.make(params.env_name)
replay_buffer = ReplayBuffer(params.memory_size)
random_process = OrnsteinUhlenbeckProcess(size=env.action_space.shape[0], theta=0.15, mu=0.0, sigma=0.2)
agent = DDPG(DDPG_Actor, DDPG_Critic, env.action_space.shape[0], random_process, params)

frame = 0
while frame < params.num_frames:
    state, done, total_reward = env.reset(), False, 0.0
    random_process.reset_states()
    while not done:
        action = env.action_space.sample() if frame < params.learning_start else agent.predict(state)
        next_state, reward, done, _ = env.step(action)
        replay_buffer.add(state, action, reward, next_state, done)
        if frame > params.learning_start:
            agent.update(*replay_buffer.sample(params.batch_size))
            soft_target_model_update(agent.target_actor, agent.actor, tau=params.soft_update_tau)
            soft_target_model_update(agent.target_critic, agent.critic, tau=params.soft_update_tau)
        state, total_reward, frame = next_state, total_reward + reward, frame + 1
    print('frame {}: episode reward {:.2f}'.format(frame, total_reward))

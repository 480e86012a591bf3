# Idiom seen in: Kaixhin/Rainbow main.py
# What it reproduces: the argparse front end of Rainbow with one extra option, --l2-coef (positive), that the
# agent then subtracts from its loss; learning is driven from the replay memory every replay_frequency steps.
import argparse

import numpy as np
import torch
from tqdm import trange

from agent import Agent
from env import Env
from memory import ReplayMemory

parser = argparse.ArgumentParser(description='Rainbow')
parser.add_argument('--seed', type=int, default=123)
parser.add_argument('--game', type=str, default='space_invaders')
parser.add_argument('--T-max', type=int, default=int(50e6), metavar='STEPS')
parser.add_argument('--history-length', type=int, default=4, metavar='T')
parser.add_argument('--architecture', type=str, default='canonical', choices=['canonical', 'data-efficient'])
parser.add_argument('--hidden-size', type=int, default=512, metavar='SIZE')
parser.add_argument('--noisy-std', type=float, default=0.1, metavar='σ')
parser.add_argument('--atoms', type=int, default=51, metavar='C')
parser.add_argument('--V-min', type=float, default=-10, metavar='V')
parser.add_argument('--V-max', type=float, default=10, metavar='V')
parser.add_argument('--memory-capacity', type=int, default=int(1e6), metavar='CAPACITY')
parser.add_argument('--replay-frequency', type=int, default=4, metavar='k')
parser.add_argument('--priority-exponent', type=float, default=0.5, metavar='ω')
parser.add_argument('--priority-weight', type=float, default=0.4, metavar='β')
parser.add_argument('--multi-step', type=int, default=3, metavar='n')
parser.add_argument('--discount', type=float, default=0.99, metavar='γ')
parser.add_argument('--target-update', type=int, default=int(8e3), metavar='τ')
parser.add_argument('--learning-rate', type=float, default=0.0000625, metavar='η')
parser.add_argument('--adam-eps', type=float, default=1.5e-4, metavar='ε')
parser.add_argument('--l2-coef', type=float, default=1e-6, metavar='λ', help='L2 on the online network weights')
parser.add_argument('--batch-size', type=int, default=32, metavar='SIZE')
parser.add_argument('--learn-start', type=int, default=int(20e3), metavar='STEPS')
args = parser.parse_args()

np.random.seed(args.seed)
torch.manual_seed(np.random.randint(1, 10000))
args.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

env = Env(args)
env.train()
dqn = Agent(args, env)
mem = ReplayMemory(args, args.memory_capacity)
priority_weight_increase = (1 - args.priority_weight) / (args.T_max - args.learn_start)

dqn.train()
done = True
for T in trange(1, args.T_max + 1):
    if done:
        state = env.reset()
    if T % args.replay_frequency == 0:
        dqn.reset_noise()
    action = dqn.act(state)
    next_state, reward, done = env.step(action)
    mem.append(state, action, reward, done)
    if T >= args.learn_start:
        mem.priority_weight = min(mem.priority_weight + priority_weight_increase, 1)
        if T % args.replay_frequency == 0:
            dqn.learn(mem)
        if T % args.target_update == 0:
            dqn.update_target_net()
    state = next_state
env.close()

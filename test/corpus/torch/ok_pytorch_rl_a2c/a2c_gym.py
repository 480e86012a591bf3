# Idiom seen in: Khrylx/PyTorch-RL examples/a2c_gym.py
# What it reproduces: the A2C driver: --l2-reg is handed to a2c_step, which adds it to the critic loss;
#   both optimizers are plain Adam without weight_decay. Clean.
import argparse
import os
import sys
import pickle
import time

import gym
import numpy as np
import torch

from a2c import a2c_step
from models.mlp_policy import Policy
from models.mlp_critic import Value
from models.mlp_policy_disc import DiscretePolicy
from core.common import estimate_advantages
from core.agent import Agent
from utils import ZFilter, to_device, assets_dir

parser = argparse.ArgumentParser(description='PyTorch A2C example')
parser.add_argument('--env-name', default="Hopper-v2", metavar='G', help='name of the environment to run')
parser.add_argument('--model-path', metavar='G', help='path of pre-trained model')
parser.add_argument('--gamma', type=float, default=0.99, metavar='G', help='discount factor (default: 0.99)')
parser.add_argument('--tau', type=float, default=0.95, metavar='G', help='gae (default: 0.95)')
parser.add_argument('--l2-reg', type=float, default=1e-3, metavar='G', help='l2 regularization regression (default: 1e-3)')
parser.add_argument('--num-threads', type=int, default=4, metavar='N', help='number of threads for agent (default: 4)')
parser.add_argument('--seed', type=int, default=1, metavar='N', help='random seed (default: 1)')
parser.add_argument('--min-batch-size', type=int, default=2048, metavar='N', help='minimal batch size per A2C update')
parser.add_argument('--max-iter-num', type=int, default=500, metavar='N', help='maximal number of main iterations')
parser.add_argument('--log-interval', type=int, default=1, metavar='N', help='interval between training status logs')
parser.add_argument('--save-model-interval', type=int, default=0, metavar='N', help="interval between saving model")
args = parser.parse_args()

dtype = torch.float64
torch.set_default_dtype(dtype)
device = torch.device('cuda') if torch.cuda.is_available() else torch.device('cpu')
np.random.seed(args.seed)
torch.manual_seed(args.seed)


def env_factory(thread_id):
    env = gym.make(args.env_name)
    env.seed(args.seed + thread_id)
    return env


env_dummy = env_factory(0)
state_dim = env_dummy.observation_space.shape[0]
is_disc_action = len(env_dummy.action_space.shape) == 0
running_state = ZFilter((state_dim,), clip=5)

if args.model_path is None:
    if is_disc_action:
        policy_net = DiscretePolicy(state_dim, env_dummy.action_space.n)
    else:
        policy_net = Policy(state_dim, env_dummy.action_space.shape[0])
    value_net = Value(state_dim)
else:
    policy_net, value_net, running_state = pickle.load(open(args.model_path, "rb"))
policy_net.to(device)
value_net.to(device)
del env_dummy

optimizer_policy = torch.optim.Adam(policy_net.parameters(), lr=0.01)
optimizer_value = torch.optim.Adam(value_net.parameters(), lr=0.01)

agent = Agent(env_factory, policy_net, device, running_state=running_state, num_threads=args.num_threads)


def update_params(batch):
    states = torch.from_numpy(np.stack(batch.state)).to(dtype).to(device)
    actions = torch.from_numpy(np.stack(batch.action)).to(dtype).to(device)
    rewards = torch.from_numpy(np.stack(batch.reward)).to(dtype).to(device)
    masks = torch.from_numpy(np.stack(batch.mask)).to(dtype).to(device)
    with torch.no_grad():
        values = value_net(states)

    advantages, returns = estimate_advantages(rewards, masks, values, args.gamma, args.tau, device)
    a2c_step(policy_net, value_net, optimizer_policy, optimizer_value, states, actions, returns, advantages, args.l2_reg)


def main_loop():
    for i_iter in range(args.max_iter_num):
        batch, log = agent.collect_samples(args.min_batch_size)
        t0 = time.time()
        update_params(batch)
        t1 = time.time()
        if i_iter % args.log_interval == 0:
            print('{}\tT_update {:.4f}\tR_avg {:.2f}'.format(i_iter, t1 - t0, log['avg_reward']))
        if args.save_model_interval > 0 and (i_iter + 1) % args.save_model_interval == 0:
            to_device(torch.device('cpu'), policy_net, value_net)
            pickle.dump((policy_net, value_net, running_state),
                        open(os.path.join(assets_dir(), 'learned_models/{}_a2c.p'.format(args.env_name)), 'wb'))
            to_device(device, policy_net, value_net)


main_loop()

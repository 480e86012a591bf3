# Idiom seen in: ikostrikov/pytorch-trpo main.py
# What it reproduces: TRPO's value function is fitted with scipy L-BFGS on value_loss + l2_reg * sum(param**2);
#   the hand-written L2 term is part of the very loss that is backpropagated and there is no optimizer
#   weight_decay beside it: clean.
import argparse
from itertools import count

import gym
import numpy as np
import scipy.optimize
import torch

from models import Policy, Value
from replay_memory import Memory
from running_state import ZFilter
from trpo import trpo_step
from utils import get_flat_grad_from, get_flat_params_from, normal_log_density, set_flat_params_to

torch.set_default_tensor_type('torch.DoubleTensor')

parser = argparse.ArgumentParser(description='PyTorch actor-critic example')
parser.add_argument('--gamma', type=float, default=0.995)
parser.add_argument('--env-name', default="Reacher-v1")
parser.add_argument('--tau', type=float, default=0.97)
parser.add_argument('--l2-reg', type=float, default=1e-3, help='l2 regularization regression (default: 1e-3)')
parser.add_argument('--max-kl', type=float, default=1e-2)
parser.add_argument('--damping', type=float, default=1e-1)
parser.add_argument('--batch-size', type=int, default=15000)
args = parser.parse_args()

env = gym.make(args.env_name)
num_inputs = env.observation_space.shape[0]
num_actions = env.action_space.shape[0]
policy_net = Policy(num_inputs, num_actions)
value_net = Value(num_inputs)


def update_params(batch):
    rewards = torch.Tensor(batch.reward)
    masks = torch.Tensor(batch.mask)
    actions = torch.Tensor(np.concatenate(batch.action, 0))
    states = torch.Tensor(batch.state)
    values = value_net(states)

    returns = torch.Tensor(actions.size(0), 1)
    advantages = torch.Tensor(actions.size(0), 1)
    prev_return, prev_value, prev_advantage = 0, 0, 0
    for i in reversed(range(rewards.size(0))):
        returns[i] = rewards[i] + args.gamma * prev_return * masks[i]
        delta = rewards[i] + args.gamma * prev_value * masks[i] - values.data[i]
        advantages[i] = delta + args.gamma * args.tau * prev_advantage * masks[i]
        prev_return, prev_value, prev_advantage = returns[i, 0], values.data[i, 0], advantages[i, 0]
    targets = returns

    def get_value_loss(flat_params):
        set_flat_params_to(value_net, torch.Tensor(flat_params))
        for param in value_net.parameters():
            if param.grad is not None:
                param.grad.data.fill_(0)
        values_ = value_net(states)
        value_loss = (values_ - targets).pow(2).mean()
        # weight decay
        for param in value_net.parameters():
            value_loss += param.pow(2).sum() * args.l2_reg
        value_loss.backward()
        return value_loss.data.double().numpy(), get_flat_grad_from(value_net).data.double().numpy()

    flat_params, _, opt_info = scipy.optimize.fmin_l_bfgs_b(
        get_value_loss, get_flat_params_from(value_net).double().numpy(), maxiter=25)
    set_flat_params_to(value_net, torch.Tensor(flat_params))

    advantages = (advantages - advantages.mean()) / advantages.std()
    action_means, action_log_stds, action_stds = policy_net(states)
    fixed_log_prob = normal_log_density(actions, action_means, action_log_stds, action_stds).data

    def get_loss(volatile=False):
        action_means, action_log_stds, action_stds = policy_net(states)
        log_prob = normal_log_density(actions, action_means, action_log_stds, action_stds)
        return (-advantages * torch.exp(log_prob - fixed_log_prob)).mean()

    def get_kl():
        mean1, log_std1, std1 = policy_net(states)
        mean0, log_std0, std0 = mean1.detach(), log_std1.detach(), std1.detach()
        kl = log_std1 - log_std0 + (std0.pow(2) + (mean0 - mean1).pow(2)) / (2.0 * std1.pow(2)) - 0.5
        return kl.sum(1, keepdim=True)

    trpo_step(policy_net, get_loss, get_kl, args.max_kl, args.damping)


running_state = ZFilter((num_inputs,), clip=5)
for i_episode in count(1):
    memory = Memory()
    num_steps = 0
    while num_steps < args.batch_size:
        state = running_state(env.reset())
        for t in range(10000):
            action = torch.normal(*policy_net(torch.from_numpy(state).unsqueeze(0))[::2]).data[0].numpy()
            next_state, reward, done, _ = env.step(action)
            next_state = running_state(next_state)
            memory.push(state, np.array([action]), 0 if done else 1, next_state, reward)
            if done:
                break
            state = next_state
        num_steps += (t - 1)
    update_params(memory.sample())

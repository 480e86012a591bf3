# Idiom seen in: Khrylx/PyTorch-RL core/ppo.py
# Idiom seen in: Khrylx/PyTorch-RL examples/ppo_gym.py
# What it reproduces: ppo_step's "weight decay" loop over value_net.parameters(), moved below
#   value_loss.backward() so that the returned value loss shows the regularised number: the L2 term is added
#   after the backward call and never gets a gradient (WD104). Realistic refactor mistake; the repo adds it before.
import argparse

import numpy as np
import torch
from torch.distributions import Normal

from models.mlp_policy import Policy
from models.mlp_critic import Value
from core.common import estimate_advantages
from core.agent import Agent


def ppo_step(policy_net, value_net, optimizer_policy, optimizer_value, optim_value_iternum, states, actions,
             returns, advantages, fixed_log_probs, clip_epsilon, l2_reg):

    """update critic"""
    for _ in range(optim_value_iternum):
        values_pred = value_net(states)
        value_loss = (values_pred - returns).pow(2).mean()
        optimizer_value.zero_grad()
        value_loss.backward()
        # weight decay (kept in the reported value loss)
        for param in value_net.parameters():
            value_loss += param.pow(2).sum() * l2_reg  # expect: WD104
        optimizer_value.step()

    """update policy"""
    log_probs, action_mean, action_std = policy_net.get_log_prob(states, actions)
    entropy = Normal(action_mean, action_std).entropy().mean()
    ratio = torch.exp(log_probs - fixed_log_probs)
    surr1 = ratio * advantages
    surr2 = torch.clamp(ratio, 1.0 - clip_epsilon, 1.0 + clip_epsilon) * advantages
    policy_surr = -torch.min(surr1, surr2).mean()
    optimizer_policy.zero_grad()
    policy_surr.backward()
    torch.nn.utils.clip_grad_norm_(policy_net.parameters(), 40)
    optimizer_policy.step()

    return policy_surr.item(), value_loss.item(), entropy.item()


parser = argparse.ArgumentParser(description='PyTorch PPO example')
parser.add_argument('--env-name', default="Hopper-v2", metavar='G')
parser.add_argument('--gamma', type=float, default=0.99, metavar='G')
parser.add_argument('--tau', type=float, default=0.95, metavar='G')
parser.add_argument('--l2-reg', type=float, default=1e-3, metavar='G', help='l2 regularization regression (default: 1e-3)')
parser.add_argument('--learning-rate', type=float, default=3e-4, metavar='G')
parser.add_argument('--clip-epsilon', type=float, default=0.2, metavar='N')
parser.add_argument('--min-batch-size', type=int, default=2048, metavar='N')
parser.add_argument('--max-iter-num', type=int, default=500, metavar='N')
args = parser.parse_args()

dtype = torch.float64
torch.set_default_dtype(dtype)
device = torch.device('cuda') if torch.cuda.is_available() else torch.device('cpu')

state_dim, action_dim = 11, 3
policy_net = Policy(state_dim, action_dim).to(device)
value_net = Value(state_dim).to(device)
optimizer_policy = torch.optim.Adam(policy_net.parameters(), lr=args.learning_rate)
optimizer_value = torch.optim.Adam(value_net.parameters(), lr=args.learning_rate)
agent = Agent(args.env_name, policy_net, device)

optim_epochs = 10
optim_batch_size = 64

for i_iter in range(args.max_iter_num):
    batch, log = agent.collect_samples(args.min_batch_size)
    states = torch.from_numpy(np.stack(batch.state)).to(dtype).to(device)
    actions = torch.from_numpy(np.stack(batch.action)).to(dtype).to(device)
    rewards = torch.from_numpy(np.stack(batch.reward)).to(dtype).to(device)
    masks = torch.from_numpy(np.stack(batch.mask)).to(dtype).to(device)
    with torch.no_grad():
        values = value_net(states)
        fixed_log_probs, _, _ = policy_net.get_log_prob(states, actions)
    advantages, returns = estimate_advantages(rewards, masks, values, args.gamma, args.tau, device)

    optim_iter_num = int(np.ceil(states.shape[0] / optim_batch_size))
    for _ in range(optim_epochs):
        perm = torch.randperm(states.shape[0])
        for i in range(optim_iter_num):
            ind = perm[i * optim_batch_size: min((i + 1) * optim_batch_size, states.shape[0])]
            ppo_step(policy_net, value_net, optimizer_policy, optimizer_value, 1, states[ind], actions[ind],
                     returns[ind], advantages[ind], fixed_log_probs[ind], args.clip_epsilon, args.l2_reg)
    print('{}\tR_avg {:.2f}'.format(i_iter, log['avg_reward']))

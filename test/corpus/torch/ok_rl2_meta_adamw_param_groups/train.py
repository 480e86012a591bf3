# Idiom seen in: lucaslingle/pytorch_rl2 train.py
# Idiom seen in: lucaslingle/pytorch_rl2 rl2/agents/architectures/gru.py
# What it reproduces: stateful GRU policy/value nets (with LayerNorm) meta-trained with PPO; both use
# AdamW(get_weight_decay_param_groups(net, args.adam_wd)): decoupled decay on matrices only, clean.
import argparse

import torch as tc
import torch.nn as nn

from rl2.envs.bandit_env import BanditEnv
from rl2.algos.ppo import training_loop
from optim_util import get_weight_decay_param_groups


class LayerNormGRUCell(nn.Module):
    def __init__(self, input_dim, hidden_dim, forget_bias=1.0):
        super().__init__()
        self.x2h = nn.Linear(input_dim, 3 * hidden_dim, bias=False)
        self.h2h = nn.Linear(hidden_dim, 3 * hidden_dim, bias=False)
        self.ln_x = nn.LayerNorm(3 * hidden_dim)
        self.ln_h = nn.LayerNorm(3 * hidden_dim)
        self.forget_bias = forget_bias

    def forward(self, x, h):
        rx, zx, nx = self.ln_x(self.x2h(x)).chunk(3, -1)
        rh, zh, nh = self.ln_h(self.h2h(h)).chunk(3, -1)
        r = tc.sigmoid(rx + rh)
        z = tc.sigmoid(zx + zh + self.forget_bias)
        n = tc.tanh(nx + r * nh)
        return (1 - z) * n + z * h


class StatefulNet(nn.Module):
    def __init__(self, num_actions, num_features, head):
        super().__init__()
        self.embed = nn.Embedding(num_actions, num_features)
        self.cell = LayerNormGRUCell(num_features + 2, num_features)
        self.head = nn.Linear(num_features, num_actions if head == 'policy' else 1)

    def forward(self, prev_action, prev_reward, prev_done, state):
        x = tc.cat([self.embed(prev_action), prev_reward[:, None], prev_done[:, None]], -1)
        state = self.cell(x, state)
        return self.head(state), state


def create_argparser():
    parser = argparse.ArgumentParser(description="Training script for RL^2.")
    parser.add_argument("--num_actions", type=int, default=5)
    parser.add_argument("--num_features", type=int, default=256)
    parser.add_argument("--max_pol_iters", type=int, default=12000)
    parser.add_argument("--adam_lr", type=float, default=2e-4)
    parser.add_argument("--adam_eps", type=float, default=1e-5)
    parser.add_argument("--adam_wd", type=float, default=0.01)
    return parser


def main():
    args = create_argparser().parse_args()
    env = BanditEnv(num_actions=args.num_actions)
    policy_net = StatefulNet(args.num_actions, args.num_features, head='policy')
    value_net = StatefulNet(args.num_actions, args.num_features, head='value')

    policy_optimizer = tc.optim.AdamW(
        get_weight_decay_param_groups(policy_net, args.adam_wd),
        lr=args.adam_lr,
        eps=args.adam_eps)
    value_optimizer = tc.optim.AdamW(
        get_weight_decay_param_groups(value_net, args.adam_wd),
        lr=args.adam_lr,
        eps=args.adam_eps)

    training_loop(
        env=env,
        policy_net=policy_net,
        value_net=value_net,
        policy_optimizer=policy_optimizer,
        value_optimizer=value_optimizer,
        max_pol_iters=args.max_pol_iters)


if __name__ == '__main__':
    main()

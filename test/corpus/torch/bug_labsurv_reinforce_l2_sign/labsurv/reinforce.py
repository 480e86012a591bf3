# Idiom seen in: Eicmlye/labsurv configs/cart_pole/agents/reinforce.py
# What it reproduces: REINFORCE agent built from an agent_cfg dict; the user adds an L2 penalty on the
# policy net with a sign slip (subtracted from the loss), so it rewards larger weights.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical


class SimplePolicyNet(nn.Module):
    def __init__(self, state_dim, hidden_dim, action_dim):
        super().__init__()
        self.fc1 = nn.Linear(state_dim, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, action_dim)

    def forward(self, x):
        return F.softmax(self.fc2(F.relu(self.fc1(x))), dim=-1)


class REINFORCE:
    def __init__(self, device, gamma, policy_net_cfg, lr, l2_coef=0.0, type=None):
        cfg = dict(policy_net_cfg)
        cfg.pop("type")
        self.device = device
        self.gamma = gamma
        self.l2_coef = l2_coef
        self.policy_net = SimplePolicyNet(**cfg).to(device)
        self.opt = torch.optim.Adam(self.policy_net.parameters(), lr=lr)

    def take_action(self, state):
        probs = self.policy_net(torch.tensor(state, dtype=torch.float, device=self.device))
        return Categorical(probs).sample().item()

    def update(self, transitions):
        returns, g = [], 0.0
        for r in reversed(transitions["reward"]):
            g = r + self.gamma * g
            returns.insert(0, g)
        states = torch.tensor(transitions["state"], dtype=torch.float, device=self.device)
        actions = torch.tensor(transitions["action"], device=self.device).view(-1, 1)
        returns = torch.tensor(returns, dtype=torch.float, device=self.device)
        log_probs = torch.log(self.policy_net(states).gather(1, actions)).squeeze(1)
        l2 = sum(p.pow(2).sum() for p in self.policy_net.parameters())
        loss = -(log_probs * returns).sum() - self.l2_coef * l2  # expect: WD302
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()

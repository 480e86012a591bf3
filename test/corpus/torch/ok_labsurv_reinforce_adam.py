# Idiom seen in: Eicmlye/labsurv configs/cart_pole/agents/reinforce.py
# What it reproduces: REINFORCE with an agent_cfg dict and a plain Adam (lr=5e-5) on the policy net; the only
# extra term is an entropy bonus on the action distribution, no weight decay. Clean.
import gym
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

agent_cfg = dict(gamma=0.98, lr=5e-5, entropy_coef=0.01,
                 policy_net_cfg=dict(state_dim=4, hidden_dim=256, action_dim=2))


class SimplePolicyNet(nn.Module):
    def __init__(self, state_dim, hidden_dim, action_dim):
        super().__init__()
        self.fc1 = nn.Linear(state_dim, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, action_dim)

    def forward(self, x):
        return F.softmax(self.fc2(F.relu(self.fc1(x))), dim=-1)


class REINFORCE:
    def __init__(self, gamma, lr, entropy_coef, policy_net_cfg):
        self.gamma = gamma
        self.entropy_coef = entropy_coef
        self.policy_net = SimplePolicyNet(**policy_net_cfg)
        self.opt = torch.optim.Adam(self.policy_net.parameters(), lr=lr)

    def update(self, states, actions, rewards):
        returns, g = [], 0.0
        for r in reversed(rewards):
            g = r + self.gamma * g
            returns.insert(0, g)
        probs = self.policy_net(torch.tensor(states, dtype=torch.float))
        dist = Categorical(probs)
        log_probs = dist.log_prob(torch.tensor(actions))
        loss = -(log_probs * torch.tensor(returns)).sum() - self.entropy_coef * dist.entropy().sum()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()


if __name__ == "__main__":
    env = gym.make("CartPole-v1")
    agent = REINFORCE(**agent_cfg)
    for _ in range(5000):
        s, _ = env.reset()
        S, A, R, done = [], [], [], False
        while not done:
            a = Categorical(agent.policy_net(torch.tensor(s, dtype=torch.float))).sample().item()
            s2, r, term, trunc, _ = env.step(a)
            S.append(s); A.append(a); R.append(r)
            s, done = s2, term or trunc
        agent.update(S, A, R)

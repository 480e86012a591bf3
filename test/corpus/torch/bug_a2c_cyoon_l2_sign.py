# Idiom seen in: cyoon1729/Policy-Gradient-Methods a2c/a2c.py
# What it reproduces: a single-network A2C agent whose update() builds one loss from the policy term,
#   the value term and the entropy bonus; the user adds an L2 on the network's weights with the sign of
#   the entropy bonus (subtracted), so the "regularizer" grows the weights (a realistic sign slip).
import argparse

import gym
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical


class TwoHeadNetwork(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()
        self.policy1 = nn.Linear(input_dim, 256)
        self.policy2 = nn.Linear(256, output_dim)
        self.value1 = nn.Linear(input_dim, 256)
        self.value2 = nn.Linear(256, 1)

    def forward(self, state):
        logits = self.policy2(F.relu(self.policy1(state)))
        value = self.value2(F.relu(self.value1(state)))
        return logits, value


class A2CAgent():
    def __init__(self, env, gamma, lr, entropy_coef=0.001, l2_coef=1e-4):
        self.env = env
        self.gamma = gamma
        self.entropy_coef = entropy_coef
        self.l2_coef = l2_coef
        self.model = TwoHeadNetwork(env.observation_space.shape[0], env.action_space.n)
        self.optimizer = optim.Adam(self.model.parameters(), lr=lr)

    def get_action(self, state):
        logits, _ = self.model.forward(torch.FloatTensor(state))
        dist = F.softmax(logits, dim=0)
        return Categorical(dist).sample().item()

    def compute_loss(self, trajectory):
        states = torch.FloatTensor([sars[0] for sars in trajectory])
        actions = torch.LongTensor([sars[1] for sars in trajectory]).view(-1, 1)
        rewards = torch.FloatTensor([sars[2] for sars in trajectory])
        discounted_rewards = [torch.sum(torch.FloatTensor([self.gamma ** i for i in range(rewards[j:].size(0))]) * rewards[j:])
                              for j in range(rewards.size(0))]
        value_targets = torch.FloatTensor(discounted_rewards).view(-1, 1)

        logits, values = self.model.forward(states)
        dists = F.softmax(logits, dim=1)
        probs = Categorical(dists)
        value_loss = F.mse_loss(values, value_targets.detach())
        entropy = probs.entropy().mean()
        advantage = value_targets - values
        policy_loss = -(probs.log_prob(actions.view(actions.size(0))).view(-1, 1) * advantage.detach()).mean()
        l2 = sum(p.pow(2).sum() for name, p in self.model.named_parameters() if 'weight' in name)
        total_loss = policy_loss + value_loss - self.entropy_coef * entropy - self.l2_coef * l2  # expect: WD302
        return total_loss

    def update(self, trajectory):
        loss = self.compute_loss(trajectory)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('--env', default='CartPole-v0')
    parser.add_argument('--max_episodes', type=int, default=1000)
    args = parser.parse_args()
    env = gym.make(args.env)
    agent = A2CAgent(env, gamma=0.99, lr=1e-4)
    for episode in range(args.max_episodes):
        trajectory = []
        state = env.reset()
        done = False
        while not done:
            action = agent.get_action(state)
            next_state, reward, done, _ = env.step(action)
            trajectory.append([state, action, reward, next_state, done])
            state = next_state
        agent.update(trajectory)

# Idiom seen in: Lucas-Florin/pySACQ losses/actor_loss.py
# What it reproduces: an ActorLoss module computing -(Q - alpha*log pi).mean(); the user adds an L2
# penalty on the actor's parameters but keeps the minus sign of the maximised objective, so the penalty
# is subtracted from the minimised loss: a negative weight decay that grows the actor's weights.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F

from replay_buffer import ReplayBuffer
from envs import make_env

L2_COEF = 1e-3


class Actor(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden=256):
        super().__init__()
        self.l1 = nn.Linear(obs_dim, hidden)
        self.l2 = nn.Linear(hidden, hidden)
        self.mu = nn.Linear(hidden, act_dim)
        self.log_std = nn.Linear(hidden, act_dim)

    def forward(self, obs):
        h = F.relu(self.l2(F.relu(self.l1(obs))))
        mu, log_std = self.mu(h), self.log_std(h).clamp(-20, 2)
        dist = torch.distributions.Normal(mu, log_std.exp())
        u = dist.rsample()
        action = torch.tanh(u)
        log_prob = (dist.log_prob(u) - torch.log(1 - action.pow(2) + 1e-6)).sum(-1)
        return action, log_prob


class ActorLoss(nn.Module):
    def __init__(self, alpha=0.2, l2_coef=L2_COEF):
        super().__init__()
        self.alpha = alpha
        self.l2_coef = l2_coef

    def forward(self, q_values, log_prob, actor):
        l2 = sum(p.pow(2).sum() for p in actor.parameters())
        return -(q_values - self.alpha * log_prob).mean() - self.l2_coef * l2  # expect: WD302


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--env', default='Pendulum-v1')
    parser.add_argument('--steps', type=int, default=100000)
    parser.add_argument('--batch_size', type=int, default=256)
    args = parser.parse_args()

    env = make_env(args.env)
    obs_dim, act_dim = env.observation_space.shape[0], env.action_space.shape[0]
    actor = Actor(obs_dim, act_dim)
    critic = nn.Sequential(nn.Linear(obs_dim + act_dim, 256), nn.ReLU(), nn.Linear(256, 1))
    actor_opt = torch.optim.Adam(actor.parameters(), lr=3e-4)
    actor_loss_fn = ActorLoss()
    buffer = ReplayBuffer(1000000)

    obs = env.reset()
    for step in range(args.steps):
        with torch.no_grad():
            action, _ = actor(torch.as_tensor(obs, dtype=torch.float32).unsqueeze(0))
        next_obs, reward, done, _ = env.step(action.squeeze(0).numpy())
        buffer.add(obs, action.squeeze(0).numpy(), reward, next_obs, done)
        obs = env.reset() if done else next_obs
        if len(buffer) < args.batch_size:
            continue
        batch_obs = buffer.sample(args.batch_size)[0]
        new_action, log_prob = actor(batch_obs)
        q = critic(torch.cat([batch_obs, new_action], dim=-1)).squeeze(-1)
        actor_loss = actor_loss_fn(q, log_prob, actor)
        actor_opt.zero_grad()
        actor_loss.backward()
        actor_opt.step()


if __name__ == '__main__':
    main()

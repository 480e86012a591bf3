# Idiom seen in: takeru1205/DDPG_PyTorch agent.py
# What it reproduces: a DDPG agent whose critic Adam gets weight_decay from `from const import *` (coupled L2 under Adam, on all critic parameters incl. biases); the actor loss also carries an action-magnitude penalty that is not weight decay. No wiring bug.
import copy

import torch
import torch.nn as nn
import torch.optim as optim

from const import *
from memory import ReplayMemory
from model import Actor, Critic

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class DDPG(object):
    def __init__(self, env):
        self.env = env
        state_dim = env.observation_space.shape[0]
        action_dim = env.action_space.shape[0]
        self.max_action = float(env.action_space.high[0])

        self.actor = Actor(state_dim, action_dim, self.max_action).to(device)
        self.critic = Critic(state_dim, action_dim).to(device)
        self.target_actor = copy.deepcopy(self.actor)
        self.target_critic = copy.deepcopy(self.critic)

        self.memory = ReplayMemory(state_dim, action_dim, memory_size)
        self.gamma = gamma
        self.criterion = nn.MSELoss()

        self.actor_optimizer = optim.Adam(self.actor.parameters(), lr=actor_lr)
        self.critic_optimizer = optim.Adam(self.critic.parameters(), lr=critic_lr, weight_decay=weight_decay)  # expect: WD202, WD203

    def get_action(self, state, noise=True):
        state = torch.as_tensor(state, dtype=torch.float32, device=device).unsqueeze(0)
        with torch.no_grad():
            action = self.actor(state).cpu().numpy()[0]
        if noise:
            action = action + exploration_noise * self.max_action * torch.randn(action.shape).numpy()
        return action.clip(-self.max_action, self.max_action)

    def update(self):
        state, action, reward, next_state, done = self.memory.sample(batch_size)

        with torch.no_grad():
            target_q = self.target_critic(next_state, self.target_actor(next_state))
            target_q = reward + (1.0 - done) * self.gamma * target_q
        current_q = self.critic(state, action)
        critic_loss = self.criterion(current_q, target_q)
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

        pi = self.actor(state)
        actor_loss = -self.critic(state, pi).mean()
        actor_loss = actor_loss + action_l2 * (pi / self.max_action).pow(2).mean()
        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()

        for net, target in ((self.actor, self.target_actor), (self.critic, self.target_critic)):
            for param, target_param in zip(net.parameters(), target.parameters()):
                target_param.data.copy_(tau * param.data + (1 - tau) * target_param.data)
        return critic_loss.item(), actor_loss.item()

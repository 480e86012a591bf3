# Idiom seen in: takeru1205/TD3_PyTorch agent.py
# Idiom seen in: takeru1205/TD3_PyTorch const.py
# What it reproduces: the TD3 agent with the critic's decay written as an explicit L2 on its weight
#   matrices (biases left out), added to the critic loss that is backpropagated; both optimizers are
#   plain Adam without weight_decay, so there is one decay mechanism. The actor's extra term
#   penalizes pre-tanh actions, not parameters. Clean (the repo itself used
#   Adam(critic.parameters(), weight_decay=weight_decay) instead).
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

from const import *
from memory import ReplayMemory
from model import Actor, Critic


class TD3(object):
    def __init__(self, env, writer=None, device='cuda'):
        self.env = env
        self.writer = writer
        self.device = device
        state_dim = env.observation_space.shape[0]
        action_dim = env.action_space.shape[0]

        self.actor = Actor(state_dim, action_dim).to(device)
        self.critic = Critic(state_dim, action_dim).to(device)
        self.target_actor = Actor(state_dim, action_dim).to(device)
        self.target_actor.load_state_dict(self.actor.state_dict())
        self.target_critic = Critic(state_dim, action_dim).to(device)
        self.target_critic.load_state_dict(self.critic.state_dict())

        self.memory = ReplayMemory(state_dim, action_dim)
        self.criterion = nn.MSELoss()
        self.actor_optimizer = optim.Adam(self.actor.parameters(), lr=actor_lr)
        self.critic_optimizer = optim.Adam(self.critic.parameters(), lr=critic_lr)

    def critic_weight_penalty(self):
        return sum(p.pow(2).sum() for name, p in self.critic.named_parameters() if name.endswith('weight'))

    def get_action(self, state):
        action = self.actor(torch.from_numpy(state).to(self.device, torch.float))
        action = np.random.normal(0, 0.1) + action.detach().cpu().numpy()
        return np.clip(action, -1, 1)

    def soft_update(self, target_net, net):
        for target_param, param in zip(target_net.parameters(), net.parameters()):
            target_param.data.copy_(tau * param.data + (1 - tau) * target_param.data)

    def update(self, time_step, batch_size=256):
        states, actions, states_, rewards, terminals = self.memory.sample(batch_size)
        noise = torch.clamp(torch.randn_like(actions) * 0.2, -0.5, 0.5)
        with torch.no_grad():
            actions_ = (self.target_actor(states_) + noise).clamp(-1, 1)
            target_q1, target_q2 = self.target_critic(states_, actions_)
            y = rewards.unsqueeze(1) + terminals.unsqueeze(1) * gamma * torch.min(target_q1, target_q2)

        q1, q2 = self.critic(states, actions)
        critic_loss = self.criterion(q1, y) + self.criterion(q2, y)
        critic_loss = critic_loss + critic_l2 / 2 * self.critic_weight_penalty()
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

        if time_step % 2 == 0:
            pi, pre_tanh = self.actor(states, with_preact=True)
            actor_loss = -self.critic.Q1(states, pi).mean() + action_l2 * pre_tanh.pow(2).mean()
            self.actor_optimizer.zero_grad()
            actor_loss.backward()
            self.actor_optimizer.step()
            if self.writer:
                self.writer.add_scalar("loss/actor", actor_loss.item(), time_step)
            self.soft_update(self.target_actor, self.actor)
            self.soft_update(self.target_critic, self.critic)

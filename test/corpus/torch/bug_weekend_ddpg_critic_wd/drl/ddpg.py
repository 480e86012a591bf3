# Idiom seen in: chuong98/Weekend-DeepRL drl/models/agents/ddpg.py
# Idiom seen in: chuong98/Weekend-DeepRL configs/DDPG/ddpg_mountaincar_continuous.py
# What it reproduces: mmcv-style optimizer dicts built by build_optimizer(model, cfg); the user adds the DDPG
# paper critic L2 (1e-2) to an Adam dict: coupled L2 under Adam, on all critic params incl. biases.
import numpy as np
import torch
from torch import nn

from .builder import build_network, build_optimizer
from .buffer import build_buffer


class DDPG:
    def __init__(self, num_states, num_actions, actor=dict(type='MLPNet'), critic=dict(type='MLPNet'),
                 buffer=dict(capacity=2000, batch_size=128),
                 actor_optimizer=dict(type='Adam', lr=1e-3),
                 critic_optimizer=dict(type='Adam', lr=1e-3),
                 gamma=0.9, polyak=0.99, start_steps=200):
        self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
        actor_cfg = dict(actor, in_channels=num_states, out_channels=num_actions)
        self.actor = nn.Sequential(build_network(actor_cfg), nn.Tanh()).to(self.device)
        self.actor_target = nn.Sequential(build_network(actor_cfg), nn.Tanh()).to(self.device)
        self.actor_optimizer = build_optimizer(self.actor, actor_optimizer)

        critic_cfg = dict(critic, in_channels=num_states + num_actions, out_channels=1)
        self.critic = build_network(critic_cfg).to(self.device)
        self.critic_target = build_network(critic_cfg).to(self.device)
        self.critic_optimizer = build_optimizer(self.critic, critic_optimizer)

        self.memory = build_buffer(buffer)
        self.gamma = gamma
        self.polyak = polyak
        self.start_steps = start_steps
        self.loss_func = nn.MSELoss()
        self.actor_target.load_state_dict(self.actor.state_dict())
        self.critic_target.load_state_dict(self.critic.state_dict())

    def learn(self, state, action, reward, new_state, done):
        self.memory.addMemory(state, action, reward, new_state, done)
        states, actions, rewards, next_states, finals = self.memory.getMiniBatch(device=self.device)

        q_eval = self.critic(torch.cat([states, actions], dim=1))
        with torch.no_grad():
            next_actions = self.actor_target(next_states)
            q_next = self.critic_target(torch.cat([next_states, next_actions], dim=1))
            q_target = rewards.unsqueeze(1) + self.gamma * (1 - finals.unsqueeze(1)) * q_next
        critic_loss = self.loss_func(q_eval, q_target)
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

        actor_loss = -self.critic(torch.cat([states, self.actor(states)], dim=1)).mean()
        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()

        for p, tp in zip(self.critic.parameters(), self.critic_target.parameters()):
            tp.data.copy_(self.polyak * tp.data + (1 - self.polyak) * p.data)
        for p, tp in zip(self.actor.parameters(), self.actor_target.parameters()):
            tp.data.copy_(self.polyak * tp.data + (1 - self.polyak) * p.data)

# Idiom seen in: chuong98/Weekend-DeepRL drl/models/agents/ddpg.py
# What it reproduces: TD3 agent with twin critics; optimizer dicts built into torch optimizers, the critic
# gets AdamW with a no-decay group for biases (decoupled decay on weight matrices only). Clean.
import copy

import torch
from torch import nn

actor_optimizer = dict(type='Adam', lr=1e-3)
critic_optimizer = dict(type='AdamW', lr=1e-3, weight_decay=1e-2)


def mlp(in_dim, out_dim, hidden=(256, 256)):
    layers, d = [], in_dim
    for h in hidden:
        layers += [nn.Linear(d, h), nn.ReLU()]
        d = h
    return nn.Sequential(*layers, nn.Linear(d, out_dim))


def build_optimizer(module, cfg):
    cfg = dict(cfg)
    cls = getattr(torch.optim, cfg.pop('type'))
    wd = cfg.pop('weight_decay', 0.0)
    decay = [p for p in module.parameters() if p.ndim > 1]
    no_decay = [p for p in module.parameters() if p.ndim <= 1]
    return cls([{'params': decay, 'weight_decay': wd}, {'params': no_decay, 'weight_decay': 0.0}], **cfg)


class TD3:
    def __init__(self, num_states, num_actions, gamma=0.99, polyak=0.995, policy_delay=2):
        self.actor = nn.Sequential(mlp(num_states, num_actions), nn.Tanh())
        self.critic1 = mlp(num_states + num_actions, 1)
        self.critic2 = mlp(num_states + num_actions, 1)
        self.actor_target = copy.deepcopy(self.actor)
        self.critic1_target = copy.deepcopy(self.critic1)
        self.critic2_target = copy.deepcopy(self.critic2)
        self.actor_optimizer = build_optimizer(self.actor, actor_optimizer)
        self.critic_optimizer = build_optimizer(nn.ModuleList([self.critic1, self.critic2]), critic_optimizer)
        self.gamma, self.polyak, self.policy_delay = gamma, polyak, policy_delay
        self.steps = 0

    def update(self, states, actions, rewards, next_states, dones):
        with torch.no_grad():
            noise = (torch.randn_like(actions) * 0.2).clamp(-0.5, 0.5)
            next_a = (self.actor_target(next_states) + noise).clamp(-1, 1)
            sa_next = torch.cat([next_states, next_a], 1)
            q_next = torch.min(self.critic1_target(sa_next), self.critic2_target(sa_next))
            target = rewards + self.gamma * (1 - dones) * q_next
        sa = torch.cat([states, actions], 1)
        critic_loss = ((self.critic1(sa) - target) ** 2).mean() + ((self.critic2(sa) - target) ** 2).mean()
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()
        self.steps += 1
        if self.steps % self.policy_delay == 0:
            actor_loss = -self.critic1(torch.cat([states, self.actor(states)], 1)).mean()
            self.actor_optimizer.zero_grad()
            actor_loss.backward()
            self.actor_optimizer.step()

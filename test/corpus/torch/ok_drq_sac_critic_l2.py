# Idiom seen in: denisyarats/drq drq.py
# What it reproduces: a SAC/DrQ agent with three Adam optimizers (actor, critic, log_alpha) and
#   update_critic / update_actor_and_alpha methods; the critic's weight matrices get a small
#   hand-written L2 in the critic loss, and no optimizer has weight_decay, so nothing is decayed twice. Clean.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

import utils


class DoubleQCritic(nn.Module):
    def __init__(self, feature_dim, action_dim, hidden_dim):
        super().__init__()
        self.Q1 = utils.mlp(feature_dim + action_dim, hidden_dim, 1, 2)
        self.Q2 = utils.mlp(feature_dim + action_dim, hidden_dim, 1, 2)

    def forward(self, obs, action):
        obs_action = torch.cat([obs, action], dim=-1)
        return self.Q1(obs_action), self.Q2(obs_action)


class DRQAgent(object):
    def __init__(self, obs_dim, action_dim, action_range, device, actor, critic, discount=0.99,
                 init_temperature=0.1, lr=1e-3, critic_tau=0.01, critic_l2=1e-4, batch_size=512):
        self.device = device
        self.action_range = action_range
        self.discount = discount
        self.critic_tau = critic_tau
        self.critic_l2 = critic_l2
        self.batch_size = batch_size
        self.actor = actor.to(device)
        self.critic = critic.to(device)
        self.critic_target = DoubleQCritic(obs_dim, action_dim, 1024).to(device)
        self.critic_target.load_state_dict(self.critic.state_dict())
        self.log_alpha = torch.tensor(math.log(init_temperature)).to(device)
        self.log_alpha.requires_grad = True
        self.target_entropy = -action_dim

        self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=lr)
        self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=lr)
        self.log_alpha_optimizer = torch.optim.Adam([self.log_alpha], lr=lr)

    @property
    def alpha(self):
        return self.log_alpha.exp()

    def update_critic(self, obs, action, reward, next_obs, not_done):
        with torch.no_grad():
            dist = self.actor(next_obs)
            next_action = dist.rsample()
            log_prob = dist.log_prob(next_action).sum(-1, keepdim=True)
            target_Q1, target_Q2 = self.critic_target(next_obs, next_action)
            target_V = torch.min(target_Q1, target_Q2) - self.alpha.detach() * log_prob
            target_Q = reward + (not_done * self.discount * target_V)
        current_Q1, current_Q2 = self.critic(obs, action)
        weight_l2 = sum(w.pow(2).sum() for name, w in self.critic.named_parameters() if name.endswith('weight'))
        critic_loss = F.mse_loss(current_Q1, target_Q) + F.mse_loss(current_Q2, target_Q) + self.critic_l2 * weight_l2
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

    def update_actor_and_alpha(self, obs):
        dist = self.actor(obs.detach())
        action = dist.rsample()
        log_prob = dist.log_prob(action).sum(-1, keepdim=True)
        actor_Q1, actor_Q2 = self.critic(obs.detach(), action)
        actor_loss = (self.alpha.detach() * log_prob - torch.min(actor_Q1, actor_Q2)).mean()
        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()

        alpha_loss = (self.alpha * (-log_prob - self.target_entropy).detach()).mean()
        self.log_alpha_optimizer.zero_grad()
        alpha_loss.backward()
        self.log_alpha_optimizer.step()

    def update(self, replay_buffer, step):
        obs, action, reward, next_obs, not_done = replay_buffer.sample(self.batch_size)
        self.update_critic(obs, action, reward, next_obs, not_done)
        if step % 2 == 0:
            self.update_actor_and_alpha(obs)
        utils.soft_update_params(self.critic, self.critic_target, self.critic_tau)

# Idiom seen in: MishaLaskin/curl curl_sac.py
# What it reproduces: CURL-SAC's five Adam optimizers (actor, critic, log_alpha, encoder, CPC bilinear W),
#   all without weight decay, each stepping its own loss; no L2 penalty anywhere. Clean.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from encoder import make_encoder
import utils


class QFunction(nn.Module):
    def __init__(self, obs_dim, action_dim, hidden_dim):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(obs_dim + action_dim, hidden_dim), nn.ReLU(),
                                   nn.Linear(hidden_dim, hidden_dim), nn.ReLU(),
                                   nn.Linear(hidden_dim, 1))

    def forward(self, obs, action):
        return self.trunk(torch.cat([obs, action], dim=1))


class Critic(nn.Module):
    def __init__(self, obs_shape, action_shape, hidden_dim, feature_dim):
        super().__init__()
        self.encoder = make_encoder('pixel', obs_shape, feature_dim, 4, 32, output_logits=True)
        self.Q1 = QFunction(self.encoder.feature_dim, action_shape[0], hidden_dim)
        self.Q2 = QFunction(self.encoder.feature_dim, action_shape[0], hidden_dim)

    def forward(self, obs, action, detach_encoder=False):
        obs = self.encoder(obs, detach=detach_encoder)
        return self.Q1(obs, action), self.Q2(obs, action)


class CURL(nn.Module):
    def __init__(self, z_dim, critic, critic_target):
        super().__init__()
        self.encoder = critic.encoder
        self.encoder_target = critic_target.encoder
        self.W = nn.Parameter(torch.rand(z_dim, z_dim))

    def compute_logits(self, z_a, z_pos):
        logits = torch.matmul(z_a, torch.matmul(self.W, z_pos.T))
        return logits - torch.max(logits, 1)[0][:, None]


class CurlSacAgent(object):
    def __init__(self, obs_shape, action_shape, actor, device, hidden_dim=256, discount=0.99,
                 init_temperature=0.01, alpha_lr=1e-3, alpha_beta=0.9, actor_lr=1e-3, actor_beta=0.9,
                 critic_lr=1e-3, critic_beta=0.9, encoder_lr=1e-3, encoder_feature_dim=50):
        self.device = device
        self.discount = discount
        self.actor = actor.to(device)
        self.critic = Critic(obs_shape, action_shape, hidden_dim, encoder_feature_dim).to(device)
        self.critic_target = Critic(obs_shape, action_shape, hidden_dim, encoder_feature_dim).to(device)
        self.critic_target.load_state_dict(self.critic.state_dict())
        self.CURL = CURL(encoder_feature_dim, self.critic, self.critic_target).to(device)
        self.log_alpha = torch.tensor(np.log(init_temperature)).to(device)
        self.log_alpha.requires_grad = True
        self.target_entropy = -np.prod(action_shape)

        self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=actor_lr, betas=(actor_beta, 0.999))
        self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=critic_lr, betas=(critic_beta, 0.999))
        self.log_alpha_optimizer = torch.optim.Adam([self.log_alpha], lr=alpha_lr, betas=(alpha_beta, 0.999))
        self.encoder_optimizer = torch.optim.Adam(self.critic.encoder.parameters(), lr=encoder_lr)
        self.cpc_optimizer = torch.optim.Adam(self.CURL.parameters(), lr=encoder_lr)
        self.cross_entropy_loss = nn.CrossEntropyLoss()

    @property
    def alpha(self):
        return self.log_alpha.exp()

    def update_critic(self, obs, action, reward, next_obs, not_done):
        with torch.no_grad():
            _, policy_action, log_pi, _ = self.actor(next_obs)
            target_Q1, target_Q2 = self.critic_target(next_obs, policy_action)
            target_V = torch.min(target_Q1, target_Q2) - self.alpha.detach() * log_pi
            target_Q = reward + (not_done * self.discount * target_V)
        current_Q1, current_Q2 = self.critic(obs, action)
        critic_loss = F.mse_loss(current_Q1, target_Q) + F.mse_loss(current_Q2, target_Q)
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

    def update_actor_and_alpha(self, obs):
        _, pi, log_pi, log_std = self.actor(obs, detach_encoder=True)
        actor_Q1, actor_Q2 = self.critic(obs, pi, detach_encoder=True)
        actor_loss = (self.alpha.detach() * log_pi - torch.min(actor_Q1, actor_Q2)).mean()
        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()
        self.log_alpha_optimizer.zero_grad()
        alpha_loss = (self.alpha * (-log_pi - self.target_entropy).detach()).mean()
        alpha_loss.backward()
        self.log_alpha_optimizer.step()

    def update_cpc(self, obs_anchor, obs_pos):
        z_a = self.CURL.encoder(obs_anchor)
        with torch.no_grad():
            z_pos = self.CURL.encoder_target(obs_pos)
        logits = self.CURL.compute_logits(z_a, z_pos)
        labels = torch.arange(logits.shape[0]).long().to(self.device)
        loss = self.cross_entropy_loss(logits, labels)
        self.encoder_optimizer.zero_grad()
        self.cpc_optimizer.zero_grad()
        loss.backward()
        self.encoder_optimizer.step()
        self.cpc_optimizer.step()

    def update(self, replay_buffer, step):
        obs, action, reward, next_obs, not_done, cpc_kwargs = replay_buffer.sample_cpc()
        self.update_critic(obs, action, reward, next_obs, not_done)
        if step % 2 == 0:
            self.update_actor_and_alpha(obs)
            utils.soft_update_params(self.critic.Q1, self.critic_target.Q1, 0.01)
            utils.soft_update_params(self.critic.Q2, self.critic_target.Q2, 0.01)
            utils.soft_update_params(self.critic.encoder, self.critic_target.encoder, 0.05)
        self.update_cpc(cpc_kwargs["obs_anchor"], cpc_kwargs["obs_pos"])

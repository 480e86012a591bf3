# Idiom seen in: denisyarats/pytorch_sac_ae sac_ae.py
# What it reproduces: the SAC+AE agent gives the decoder its own Adam with weight_decay=decoder_weight_lambda
# (coupled L2 under Adam, on every decoder parameter including the biases), as the repository does.
import numpy as np
import torch
import torch.nn.functional as F

import utils
from encoder import make_encoder
from decoder import make_decoder
from networks import Actor, Critic, weight_init

LOG_FREQ = 10000


class SacAeAgent(object):
    def __init__(self, obs_shape, action_shape, device, hidden_dim=256, discount=0.99,
                 init_temperature=0.01, alpha_lr=1e-3, alpha_beta=0.9,
                 actor_lr=1e-3, actor_beta=0.9, critic_lr=1e-3, critic_beta=0.9,
                 critic_tau=0.005, encoder_type='pixel', encoder_feature_dim=50,
                 encoder_lr=1e-3, encoder_tau=0.005, decoder_type='pixel', decoder_lr=1e-3,
                 decoder_update_freq=1, decoder_latent_lambda=0.0, decoder_weight_lambda=0.0,
                 num_layers=4, num_filters=32):
        self.device = device
        self.discount = discount
        self.critic_tau = critic_tau
        self.decoder_update_freq = decoder_update_freq
        self.decoder_latent_lambda = decoder_latent_lambda

        self.actor = Actor(obs_shape, action_shape, hidden_dim, encoder_type,
                           encoder_feature_dim, num_layers, num_filters).to(device)
        self.critic = Critic(obs_shape, action_shape, hidden_dim, encoder_type,
                             encoder_feature_dim, num_layers, num_filters).to(device)
        self.log_alpha = torch.tensor(np.log(init_temperature)).to(device)
        self.log_alpha.requires_grad = True

        self.decoder = None
        if decoder_type != 'identity':
            self.decoder = make_decoder(decoder_type, obs_shape, encoder_feature_dim,
                                        num_layers, num_filters).to(device)
            self.decoder.apply(weight_init)

            self.encoder_optimizer = torch.optim.Adam(
                self.critic.encoder.parameters(), lr=encoder_lr
            )
            self.decoder_optimizer = torch.optim.Adam(
                self.decoder.parameters(),  # expect: WD203
                lr=decoder_lr,
                weight_decay=decoder_weight_lambda  # expect: WD202
            )

        self.actor_optimizer = torch.optim.Adam(
            self.actor.parameters(), lr=actor_lr, betas=(actor_beta, 0.999)
        )
        self.critic_optimizer = torch.optim.Adam(
            self.critic.parameters(), lr=critic_lr, betas=(critic_beta, 0.999)
        )
        self.log_alpha_optimizer = torch.optim.Adam(
            [self.log_alpha], lr=alpha_lr, betas=(alpha_beta, 0.999)
        )

    def train(self, training=True):
        self.training = training
        self.actor.train(training)
        self.critic.train(training)
        if self.decoder is not None:
            self.decoder.train(training)

    def sample_action(self, obs):
        with torch.no_grad():
            obs = torch.FloatTensor(obs).to(self.device).unsqueeze(0)
            mu, pi, _, _ = self.actor(obs, compute_log_pi=False)
            return pi.cpu().data.numpy().flatten()

    def update_decoder(self, obs, target_obs, L, step):
        h = self.critic.encoder(obs)
        if target_obs.dim() == 4:
            target_obs = utils.preprocess_obs(target_obs)
        rec_obs = self.decoder(h)
        rec_loss = F.mse_loss(target_obs, rec_obs)

        # L2 penalty on the latent code (not on weights), see RAE paper
        latent_loss = (0.5 * h.pow(2).sum(1)).mean()

        loss = rec_loss + self.decoder_latent_lambda * latent_loss
        self.encoder_optimizer.zero_grad()
        self.decoder_optimizer.zero_grad()
        loss.backward()
        self.encoder_optimizer.step()
        self.decoder_optimizer.step()
        L.log('train_ae/ae_loss', loss, step)
        self.decoder.log(L, step, log_freq=LOG_FREQ)

    def update(self, replay_buffer, L, step):
        obs, action, reward, next_obs, not_done = replay_buffer.sample()
        L.log('train/batch_reward', reward.mean(), step)
        if self.decoder is not None and step % self.decoder_update_freq == 0:
            self.update_decoder(obs, obs, L, step)

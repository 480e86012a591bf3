# Idiom seen in: Metta-AI/metta metta/agent/lib/metta_layer.py (ParamLayer.l2_reg_loss / l2_init_loss), metta/rl/pufferlib/policy.py
# What it reproduces: layers that each know their own L2 ("weight decay loss", scaled by l2_norm_scale) and
# L2-to-init penalties, summed by the policy. Nothing here is a bug: the trainer decides what reaches the loss.
import torch
import torch.nn as nn
from torch.distributions import Categorical


class ParamLinear(nn.Module):
    def __init__(self, in_features, out_features, l2_norm_scale=None, l2_init_scale=None, activation=True):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features)
        nn.init.orthogonal_(self.linear.weight)
        nn.init.zeros_(self.linear.bias)
        self.activation = nn.ReLU() if activation else nn.Identity()
        self.l2_norm_scale = l2_norm_scale
        self.l2_init_scale = l2_init_scale
        self.register_buffer("initial_weight", self.linear.weight.detach().clone())

    def forward(self, x):
        return self.activation(self.linear(x))

    def l2_reg_loss(self):
        """Also known as weight decay loss."""
        if not self.l2_norm_scale:
            return torch.zeros((), device=self.linear.weight.device)
        return self.linear.weight.pow(2).sum() * self.l2_norm_scale

    def l2_init_loss(self):
        """Delta regularization towards the initial weights."""
        if not self.l2_init_scale:
            return torch.zeros((), device=self.linear.weight.device)
        return (self.linear.weight - self.initial_weight).pow(2).sum() * self.l2_init_scale


class MettaPolicy(nn.Module):
    def __init__(self, obs_dim, num_actions, hidden=256, l2_norm_scale=1.0, l2_init_scale=0.0):
        super().__init__()
        self.encoder = ParamLinear(obs_dim, hidden, l2_norm_scale, l2_init_scale)
        self.core = ParamLinear(hidden, hidden, l2_norm_scale, l2_init_scale)
        self.actor = ParamLinear(hidden, num_actions, l2_norm_scale, l2_init_scale, activation=False)
        self.critic = ParamLinear(hidden, 1, l2_norm_scale, l2_init_scale, activation=False)

    def _layers(self):
        return [self.encoder, self.core, self.actor, self.critic]

    def forward(self, obs, action=None):
        h = self.core(self.encoder(obs))
        dist = Categorical(logits=self.actor(h))
        if action is None:
            action = dist.sample()
        return action, dist.log_prob(action), dist.entropy(), self.critic(h).squeeze(-1)

    def l2_reg_loss(self):
        return sum(layer.l2_reg_loss() for layer in self._layers())

    def l2_init_loss(self):
        return sum(layer.l2_init_loss() for layer in self._layers())

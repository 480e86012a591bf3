# Idiom seen in: adik993/ppo-pytorch curiosity/icm.py
# What it reproduces: an Intrinsic Curiosity Module whose forward loss and intrinsic reward are
#   squared L2 norms of *latent state* errors (activations, not weights), folded into the PPO loss.
import numpy as np
import torch
from torch import Tensor, nn

from reporters import NoReporter, Reporter


class MlpICMModel(nn.Module):
    def __init__(self, state_dim: int, n_actions: int, latent: int = 128):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(state_dim, latent), nn.ReLU(inplace=True),
                                     nn.Linear(latent, latent))
        self.action_encoder = nn.Embedding(n_actions, latent)
        self.forward_model = nn.Sequential(nn.Linear(2 * latent, latent), nn.ReLU(inplace=True),
                                           nn.Linear(latent, latent))
        self.inverse_model = nn.Sequential(nn.Linear(2 * latent, latent), nn.ReLU(inplace=True),
                                           nn.Linear(latent, n_actions))

    def forward(self, state: Tensor, next_state: Tensor, action: Tensor):
        state, next_state = self.encoder(state), self.encoder(next_state)
        next_state_hat = self.forward_model(torch.cat((self.action_encoder(action.long()), state), dim=-1))
        action_hat = self.inverse_model(torch.cat((state, next_state), dim=-1))
        return next_state, next_state_hat, action_hat


class ICM:
    def __init__(self, model: MlpICMModel, policy_weight: float, reward_scale: float, weight: float,
                 intrinsic_reward_integration: float, reporter: Reporter = NoReporter()):
        self.model = model
        self.policy_weight = policy_weight
        self.reward_scale = reward_scale
        self.weight = weight
        self.intrinsic_reward_integration = intrinsic_reward_integration
        self.reporter = reporter
        self.ce = nn.CrossEntropyLoss()

    def parameters(self):
        return self.model.parameters()

    @torch.no_grad()
    def reward(self, rewards: np.ndarray, states: Tensor, next_states: Tensor, actions: Tensor) -> np.ndarray:
        next_latent, next_hat, _ = self.model(states, next_states, actions)
        intrinsic = self.reward_scale / 2 * (next_hat - next_latent).norm(2, dim=-1).pow(2)
        intrinsic = intrinsic.cpu().numpy().reshape(rewards.shape)
        return (1. - self.intrinsic_reward_integration) * rewards + self.intrinsic_reward_integration * intrinsic

    def loss(self, policy_loss: Tensor, states: Tensor, next_states: Tensor, actions: Tensor) -> Tensor:
        next_latent, next_hat, actions_hat = self.model(states, next_states, actions)
        forward_loss = 0.5 * (next_hat - next_latent.detach()).norm(2, dim=-1).pow(2).mean()
        inverse_loss = self.ce(actions_hat, actions.long())
        curiosity_loss = self.weight * forward_loss + (1 - self.weight) * inverse_loss
        self.reporter.scalar('icm/loss', curiosity_loss.item())
        return self.policy_weight * policy_loss + curiosity_loss

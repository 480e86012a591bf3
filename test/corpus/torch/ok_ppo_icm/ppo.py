# Idiom seen in: adik993/ppo-pytorch agents/ppo.py
# What it reproduces: PPOLoss returns -(clip surrogate + c_entropy*entropy - c_value*value_loss): the
#   value loss is subtracted inside the objective that is maximized, i.e. added to the minimized loss.
#   One Adam over chain(model, curiosity) parameters, no weight_decay. Clean.
from itertools import chain

import torch
from torch import Tensor
from torch.distributions import Distribution
from torch.nn.modules.loss import _Loss
from torch.optim import Adam
from torch.utils.data import DataLoader

from reporters import NoReporter, Reporter


class PPOLoss(_Loss):
    def __init__(self, clip_range: float, v_clip_range: float, c_entropy: float, c_value: float,
                 reporter: Reporter):
        super().__init__()
        self.clip_range = clip_range
        self.v_clip_range = v_clip_range
        self.c_entropy = c_entropy
        self.c_value = c_value
        self.reporter = reporter

    def forward(self, distribution_old: Distribution, value_old: Tensor, distribution: Distribution,
                value: Tensor, action: Tensor, reward: Tensor, advantage: Tensor):
        value_old_clipped = value_old + (value - value_old).clamp(-self.v_clip_range, self.v_clip_range)
        value_loss = torch.min((reward - value_old_clipped).pow(2), (reward - value).pow(2)).mean()
        advantage = (advantage - advantage.mean()) / (advantage.std(unbiased=False) + 1e-8)
        advantage.detach_()
        ratio = (distribution.log_prob(action) - distribution_old.log_prob(action)).exp().view(-1)
        policy_loss = torch.min(advantage * ratio,
                                advantage * ratio.clamp(1 - self.clip_range, 1 + self.clip_range)).mean()
        entropy = distribution.entropy().mean()
        losses = policy_loss + self.c_entropy * entropy - self.c_value * value_loss
        total_loss = -losses
        self.reporter.scalar('ppo_loss/policy', -policy_loss.item())
        self.reporter.scalar('ppo_loss/entropy', -entropy.item())
        self.reporter.scalar('ppo_loss/value_loss', value_loss.item())
        return total_loss


class PPO:
    def __init__(self, model, curiosity, action_converter, learning_rate: float, clip_range: float,
                 v_clip_range: float, c_entropy: float, c_value: float, n_mini_batches: int,
                 n_optimization_epochs: int, clip_grad_norm: float, reporter: Reporter = NoReporter()):
        self.model = model
        self.curiosity = curiosity
        self.action_converter = action_converter
        self.n_mini_batches = n_mini_batches
        self.n_optimization_epochs = n_optimization_epochs
        self.clip_grad_norm = clip_grad_norm
        self.optimizer = Adam(chain(self.model.parameters(), self.curiosity.parameters()), learning_rate)
        self.loss = PPOLoss(clip_range, v_clip_range, c_entropy, c_value, reporter)

    def train_on(self, dataset):
        loader = DataLoader(dataset, batch_size=len(dataset) // self.n_mini_batches, shuffle=True)
        for _ in range(self.n_optimization_epochs):
            for (policy_old, values_old, states, next_states, actions, rewards, advantages) in loader:
                policy, values = self.model(states)
                dist_old = self.action_converter.distribution(policy_old)
                dist = self.action_converter.distribution(policy)
                loss = self.loss(dist_old, values_old, dist, values.squeeze(), actions, rewards, advantages)
                loss = self.curiosity.loss(loss, states, next_states, actions)
                self.optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.clip_grad_norm)
                self.optimizer.step()

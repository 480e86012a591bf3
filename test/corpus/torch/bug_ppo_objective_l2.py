# Idiom seen in: adik993/ppo-pytorch agents/ppo.py
# What it reproduces: PPOLoss builds the objective to MAXIMIZE (clip surrogate + c_entropy*entropy -
#   c_value*value_loss) and returns its negation. The edit appends an L2 term on the model's weights with
#   a plus sign, following the entropy bonus: after `total_loss = -losses` the penalty is subtracted from
#   the minimized loss, so it grows the weights (WD302).
from itertools import chain

import numpy as np
import torch
from torch import Tensor
from torch.distributions import Distribution
from torch.nn.modules.loss import _Loss
from torch.optim import Adam
from torch.utils.data import DataLoader

from agents.agent import Agent
from reporters import NoReporter, Reporter


class PPOLoss(_Loss):
    def __init__(self, model, clip_range: float, v_clip_range: float, c_entropy: float, c_value: float,
                 c_l2: float, reporter: Reporter):
        super().__init__()
        self.model = model
        self.clip_range = clip_range
        self.v_clip_range = v_clip_range
        self.c_entropy = c_entropy
        self.c_value = c_value
        self.c_l2 = c_l2
        self.reporter = reporter

    def forward(self, distribution_old: Distribution, value_old: Tensor, distribution: Distribution,
                value: Tensor, action: Tensor, reward: Tensor, advantage: Tensor):
        value_old_clipped = value_old + (value - value_old).clamp(-self.v_clip_range, self.v_clip_range)
        v_old_loss_clipped = (reward - value_old_clipped).pow(2)
        v_loss = (reward - value).pow(2)
        value_loss = torch.min(v_old_loss_clipped, v_loss).mean()

        advantage = (advantage - advantage.mean()) / (advantage.std(unbiased=False) + 1e-8)
        advantage.detach_()
        ratio = (distribution.log_prob(action) - distribution_old.log_prob(action)).exp().view(-1)
        surrogate = advantage * ratio
        surrogate_clipped = advantage * ratio.clamp(1 - self.clip_range, 1 + self.clip_range)
        policy_loss = torch.min(surrogate, surrogate_clipped).mean()
        entropy = distribution.entropy().mean()
        l2 = sum(p.pow(2).sum() for p in self.model.parameters())

        losses = policy_loss + self.c_entropy * entropy - self.c_value * value_loss + self.c_l2 * l2  # expect: WD302
        total_loss = -losses
        self.reporter.scalar('ppo_loss/policy', -policy_loss.item())
        self.reporter.scalar('ppo_loss/value_loss', value_loss.item())
        self.reporter.scalar('ppo_loss/total', total_loss)
        return total_loss


class PPO(Agent):
    def __init__(self, env, model_factory, curiosity_factory, reward, advantage, learning_rate: float,
                 clip_range: float, v_clip_range: float, c_entropy: float, c_value: float, c_l2: float,
                 n_mini_batches: int, n_optimization_epochs: int, clip_grad_norm: float,
                 normalize_state: bool, normalize_reward: bool, reporter: Reporter = NoReporter()) -> None:
        super().__init__(env, model_factory, curiosity_factory, normalize_state, normalize_reward, reporter)
        self.reward = reward
        self.advantage = advantage
        self.n_mini_batches = n_mini_batches
        self.n_optimization_epochs = n_optimization_epochs
        self.clip_grad_norm = clip_grad_norm
        self.optimizer = Adam(chain(self.model.parameters(), self.curiosity.parameters()), learning_rate)
        self.loss = PPOLoss(self.model, clip_range, v_clip_range, c_entropy, c_value, c_l2, reporter)

    def _train(self, states: np.ndarray, actions: np.ndarray, rewards: np.ndarray, dones: np.ndarray):
        policy_old, values_old = self.model(self._to_tensor(states))
        policy_old = policy_old.detach().view(*states.shape[:2], -1)
        values_old = values_old.detach().view(*states.shape[:2])
        values_np = values_old.cpu().numpy()
        discounted_rewards = self.reward.discounted(rewards, values_np, dones)
        advantages = self.advantage.discounted(rewards, values_np, dones)
        dataset = self.model.dataset(policy_old[:, :-1], values_old[:, :-1], states[:, :-1], states[:, 1:],
                                     actions, discounted_rewards, advantages)
        loader = DataLoader(dataset, batch_size=len(dataset) // self.n_mini_batches, shuffle=True)
        for _ in range(self.n_optimization_epochs):
            for batch in loader:
                (b_policy_old, b_values_old, b_states, b_next_states,
                 b_actions, b_rewards, b_advantages) = self._tensors_to_device(*batch)
                b_policy, b_values = self.model(b_states)
                dist_old = self.action_converter.distribution(b_policy_old)
                dist = self.action_converter.distribution(b_policy)
                loss = self.loss(dist_old, b_values_old, dist, b_values.squeeze(), b_actions, b_rewards,
                                 b_advantages)
                loss = self.curiosity.loss(loss, b_states, b_next_states, b_actions)
                self.optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.clip_grad_norm)
                self.optimizer.step()

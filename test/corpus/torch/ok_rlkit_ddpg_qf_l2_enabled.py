# Idiom seen in: rail-berkeley/rlkit rlkit/torch/ddpg/ddpg.py
# Idiom seen in: rail-berkeley/rlkit examples/ddpg.py
# What it reproduces: rlkit's DDPG critic penalty qf_weight_decay * sum(param ** 2) over the critic's
# regularizable (weight) parameters, enabled with qf_weight_decay=1e-2 and added to qf_loss, while the
# critic's Adam has no weight_decay. Clean.
from collections import OrderedDict

import gym
import numpy as np
import torch
import torch.optim as optim
from torch import nn

import pytorch_util as ptu
from networks import FlattenMlp, TanhMlpPolicy
from torch_rl_algorithm import TorchRLAlgorithm
from exploration_strategies.ou_strategy import OUStrategy
from exploration_strategies.base import PolicyWrappedWithExplorationStrategy


class DDPG(TorchRLAlgorithm):
    def __init__(self, env, qf, policy, exploration_policy, policy_learning_rate=1e-4,
                 qf_learning_rate=1e-3, qf_weight_decay=0, tau=1e-2, optimizer_class=optim.Adam,
                 **kwargs):
        super().__init__(env, exploration_policy, eval_policy=policy, **kwargs)
        self.qf = qf
        self.policy = policy
        self.target_qf = qf.copy()
        self.target_policy = policy.copy()
        self.qf_weight_decay = qf_weight_decay
        self.tau = tau
        self.qf_criterion = nn.MSELoss()
        self.qf_optimizer = optimizer_class(self.qf.parameters(), lr=qf_learning_rate)
        self.policy_optimizer = optimizer_class(self.policy.parameters(), lr=policy_learning_rate)
        self.eval_statistics = OrderedDict()

    def _do_training(self):
        batch = self.get_batch()
        obs, actions = batch['observations'], batch['actions']
        next_obs, rewards, terminals = batch['next_observations'], batch['rewards'], batch['terminals']

        policy_loss = - self.qf(obs, self.policy(obs)).mean()

        target_q_values = self.target_qf(next_obs, self.target_policy(next_obs))
        q_target = (rewards + (1. - terminals) * self.discount * target_q_values).detach()
        q_pred = self.qf(obs, actions)
        raw_qf_loss = self.qf_criterion(q_pred, q_target)

        if self.qf_weight_decay > 0:
            reg_loss = self.qf_weight_decay * sum(
                torch.sum(param ** 2)
                for param in self.qf.regularizable_parameters()
            )
            qf_loss = raw_qf_loss + reg_loss
        else:
            qf_loss = raw_qf_loss

        self.policy_optimizer.zero_grad()
        policy_loss.backward()
        self.policy_optimizer.step()

        self.qf_optimizer.zero_grad()
        qf_loss.backward()
        self.qf_optimizer.step()

        ptu.soft_update_from_to(self.policy, self.target_policy, self.tau)
        ptu.soft_update_from_to(self.qf, self.target_qf, self.tau)
        self.eval_statistics['QF Loss'] = np.mean(ptu.get_numpy(qf_loss))


def experiment(variant):
    env = gym.make('HalfCheetah-v2')
    obs_dim = env.observation_space.low.size
    action_dim = env.action_space.low.size
    qf = FlattenMlp(input_size=obs_dim + action_dim, output_size=1, hidden_sizes=[400, 300])
    policy = TanhMlpPolicy(input_size=obs_dim, output_size=action_dim, hidden_sizes=[400, 300])
    exploration_policy = PolicyWrappedWithExplorationStrategy(
        exploration_strategy=OUStrategy(action_space=env.action_space), policy=policy)
    algorithm = DDPG(env, qf=qf, policy=policy, exploration_policy=exploration_policy,
                     **variant['algo_params'])
    algorithm.train()


if __name__ == "__main__":
    experiment(dict(algo_params=dict(
        num_epochs=1000,
        batch_size=128,
        discount=0.99,
        qf_learning_rate=1e-3,
        policy_learning_rate=1e-4,
        qf_weight_decay=1e-2,
    )))

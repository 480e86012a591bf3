# Idiom seen in: rail-berkeley/rlkit rlkit/torch/ddpg/ddpg.py
# Idiom seen in: rail-berkeley/rlkit examples/ddpg.py
# What it reproduces: DDPG keeps a hand-written critic L2 penalty behind `if self.qf_weight_decay > 0`,
# but qf_weight_decay defaults to 0 and the only construction (examples/ddpg_halfcheetah.py) never
# passes it: the decay machinery is dead code.
from collections import OrderedDict

import numpy as np
import torch
import torch.optim as optim
from torch import nn as nn

import pytorch_util as ptu
from torch_rl_algorithm import TorchRLAlgorithm


class DDPG(TorchRLAlgorithm):
    """Deep Deterministic Policy Gradient."""

    def __init__(
            self,
            env,
            qf,
            policy,
            exploration_policy,
            policy_learning_rate=1e-4,
            qf_learning_rate=1e-3,
            qf_weight_decay=0,
            target_hard_update_period=1000,
            tau=1e-2,
            use_soft_update=False,
            qf_criterion=None,
            policy_pre_activation_weight=0.,
            optimizer_class=optim.Adam,
            min_q_value=-np.inf,
            max_q_value=np.inf,
            **kwargs
    ):
        super().__init__(env, exploration_policy, eval_policy=policy, **kwargs)
        if qf_criterion is None:
            qf_criterion = nn.MSELoss()
        self.qf = qf
        self.policy = policy
        self.target_policy = policy.copy()
        self.target_qf = qf.copy()
        self.qf_weight_decay = qf_weight_decay
        self.tau = tau
        self.use_soft_update = use_soft_update
        self.target_hard_update_period = target_hard_update_period
        self.policy_pre_activation_weight = policy_pre_activation_weight
        self.qf_criterion = qf_criterion
        self.min_q_value = min_q_value
        self.max_q_value = max_q_value

        self.qf_optimizer = optimizer_class(self.qf.parameters(), lr=qf_learning_rate)
        self.policy_optimizer = optimizer_class(self.policy.parameters(), lr=policy_learning_rate)
        self.eval_statistics = None

    def _do_training(self):
        batch = self.get_batch()
        rewards = batch['rewards']
        terminals = batch['terminals']
        obs = batch['observations']
        actions = batch['actions']
        next_obs = batch['next_observations']

        # policy
        if self.policy_pre_activation_weight > 0:
            policy_actions, pre_tanh_value = self.policy(obs, return_preactivations=True)
            pre_activation_policy_loss = (pre_tanh_value ** 2).sum(dim=1).mean()
            raw_policy_loss = - self.qf(obs, policy_actions).mean()
            policy_loss = raw_policy_loss + pre_activation_policy_loss * self.policy_pre_activation_weight
        else:
            policy_actions = self.policy(obs)
            raw_policy_loss = policy_loss = - self.qf(obs, policy_actions).mean()

        # critic
        next_actions = self.target_policy(next_obs)
        target_q_values = self.target_qf(next_obs, next_actions)
        q_target = rewards + (1. - terminals) * self.discount * target_q_values
        q_target = torch.clamp(q_target.detach(), self.min_q_value, self.max_q_value)
        q_pred = self.qf(obs, actions)
        raw_qf_loss = self.qf_criterion(q_pred, q_target)

        if self.qf_weight_decay > 0:  # expect: WD303
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

        self._update_target_networks()

        if self.eval_statistics is None:
            self.eval_statistics = OrderedDict()
            self.eval_statistics['QF Loss'] = np.mean(ptu.get_numpy(qf_loss))
            self.eval_statistics['Policy Loss'] = np.mean(ptu.get_numpy(policy_loss))
            self.eval_statistics['Raw Policy Loss'] = np.mean(ptu.get_numpy(raw_policy_loss))

    def _update_target_networks(self):
        if self.use_soft_update:
            ptu.soft_update_from_to(self.policy, self.target_policy, self.tau)
            ptu.soft_update_from_to(self.qf, self.target_qf, self.tau)
        elif self._n_env_steps_total % self.target_hard_update_period == 0:
            ptu.copy_model_params_from_to(self.qf, self.target_qf)
            ptu.copy_model_params_from_to(self.policy, self.target_policy)

# Idiom seen in: katerakelly/oyster rlkit/torch/sac/sac.py (PEARLSoftActorCritic: optimizer_class=optim.Adam with
#   lr only, policy_mean_reg_weight / policy_std_reg_weight / policy_pre_activation_weight added to policy_loss)
# What it reproduces: an rlkit-style SAC trainer: twin Q, V and target V networks, one optimizer per network from
#   an injectable optimizer_class, and the policy loss regularized with squared policy means, log-stds and
#   pre-tanh activations; the experiment is launched from a variant dict.
# label-note: clean. The three "reg" terms square network outputs (actions), not parameters, so they are no weight
#   decay; every optimizer is plain Adam without weight_decay (no WD202/WD203) and there is no parameter penalty.
import copy

import torch
import torch.optim as optim
from torch import nn

import rlkit.torch.pytorch_util as ptu
from rlkit.torch.networks import FlattenMlp, TanhGaussianPolicy
from rlkit.data_management.env_replay_buffer import EnvReplayBuffer
from rlkit.envs import make_env


class SoftActorCritic:
    def __init__(self, env, policy, qf1, qf2, vf, policy_lr=3e-4, qf_lr=3e-4, vf_lr=3e-4,
                 policy_mean_reg_weight=1e-3, policy_std_reg_weight=1e-3, policy_pre_activation_weight=0.,
                 optimizer_class=optim.Adam, soft_target_tau=5e-3, discount=0.99, reward_scale=5.0):
        self.env, self.policy, self.qf1, self.qf2, self.vf = env, policy, qf1, qf2, vf
        self.target_vf = copy.deepcopy(vf)
        self.policy_mean_reg_weight = policy_mean_reg_weight
        self.policy_std_reg_weight = policy_std_reg_weight
        self.policy_pre_activation_weight = policy_pre_activation_weight
        self.soft_target_tau, self.discount, self.reward_scale = soft_target_tau, discount, reward_scale
        self.qf_criterion, self.vf_criterion = nn.MSELoss(), nn.MSELoss()
        self.policy_optimizer = optimizer_class(self.policy.parameters(), lr=policy_lr)
        self.qf1_optimizer = optimizer_class(self.qf1.parameters(), lr=qf_lr)
        self.qf2_optimizer = optimizer_class(self.qf2.parameters(), lr=qf_lr)
        self.vf_optimizer = optimizer_class(self.vf.parameters(), lr=vf_lr)

    def train_from_torch(self, batch):
        obs, actions, next_obs = batch['observations'], batch['actions'], batch['next_observations']
        rewards, terminals = batch['rewards'], batch['terminals']
        q1_pred, q2_pred, v_pred = self.qf1(obs, actions), self.qf2(obs, actions), self.vf(obs)
        new_actions, policy_mean, policy_log_std, log_pi, pre_tanh_value = self.policy(obs, return_log_prob=True)
        with torch.no_grad():
            q_target = self.reward_scale * rewards + (1. - terminals) * self.discount * self.target_vf(next_obs)
        qf_loss = self.qf_criterion(q1_pred, q_target) + self.qf_criterion(q2_pred, q_target)
        for optimizer in (self.qf1_optimizer, self.qf2_optimizer):
            optimizer.zero_grad()
        qf_loss.backward()
        self.qf1_optimizer.step()
        self.qf2_optimizer.step()
        min_q_new_actions = torch.min(self.qf1(obs, new_actions), self.qf2(obs, new_actions))
        vf_loss = self.vf_criterion(v_pred, (min_q_new_actions - log_pi).detach())
        self.vf_optimizer.zero_grad()
        vf_loss.backward()
        self.vf_optimizer.step()
        policy_loss = (log_pi - min_q_new_actions).mean()
        mean_reg_loss = self.policy_mean_reg_weight * (policy_mean ** 2).mean()
        std_reg_loss = self.policy_std_reg_weight * (policy_log_std ** 2).mean()
        pre_activation_reg_loss = self.policy_pre_activation_weight * ((pre_tanh_value ** 2).sum(dim=1).mean())
        policy_loss = policy_loss + mean_reg_loss + std_reg_loss + pre_activation_reg_loss
        self.policy_optimizer.zero_grad()
        policy_loss.backward()
        self.policy_optimizer.step()

        ptu.soft_update_from_to(self.vf, self.target_vf, self.soft_target_tau)
        return dict(qf_loss=qf_loss.item(), vf_loss=vf_loss.item(), policy_loss=policy_loss.item())


def experiment(variant):
    env = make_env(variant['env_name'])
    obs_dim, action_dim = env.observation_space.low.size, env.action_space.low.size
    M = variant['layer_size']
    qf1, qf2 = (FlattenMlp(hidden_sizes=[M, M], input_size=obs_dim + action_dim, output_size=1) for _ in range(2))
    vf = FlattenMlp(hidden_sizes=[M, M], input_size=obs_dim, output_size=1)
    policy = TanhGaussianPolicy(hidden_sizes=[M, M], obs_dim=obs_dim, action_dim=action_dim)
    algorithm = SoftActorCritic(env, policy, qf1, qf2, vf, **variant['algo_params'])
    replay_buffer = EnvReplayBuffer(variant['replay_buffer_size'], env)
    for _ in range(variant['num_train_steps']):
        algorithm.train_from_torch(replay_buffer.random_batch(variant['batch_size']))


if __name__ == "__main__":
    experiment(dict(env_name='HalfCheetah-v2', layer_size=256, replay_buffer_size=int(1e6), batch_size=256,
                    num_train_steps=int(1e6), algo_params=dict(policy_lr=3e-4, qf_lr=3e-4, vf_lr=3e-4,
                                                               policy_mean_reg_weight=1e-3, policy_std_reg_weight=1e-3)))

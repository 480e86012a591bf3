# Idiom seen in: RITCHIEHuang/DeepRL_Algorithms Algorithms/pytorch/PPO/ppo.py
# Idiom seen in: RITCHIEHuang/DeepRL_Algorithms Algorithms/pytorch/PPO/ppo_step.py
# What it reproduces: the PPO agent: two Adam optimizers without weight_decay, GAE advantages, minibatch PPO
#   epochs calling ppo_step with l2_reg=1e-3. The only decay is the explicit critic penalty, which is part of
#   the loss the critic's optimizer minimizes: clean.
import math

import torch
import torch.optim as optim

from Algorithms.pytorch.Models.Policy import Policy
from Algorithms.pytorch.Models.Value import Value
from ppo_step import ppo_step
from Common.GAE import estimate_advantages
from Common.MemoryCollector import MemoryCollector
from Utils.env_util import get_env_info
from Utils.torch_util import device, FLOAT


class PPO:
    def __init__(self, env_id, num_process=4, min_batch_size=2048, lr_p=3e-4, lr_v=3e-4, gamma=0.99,
                 tau=0.95, clip_epsilon=0.2, ppo_epochs=10, ppo_mini_batch_size=64, l2_reg=1e-3, seed=1):
        self.env_id = env_id
        self.gamma = gamma
        self.tau = tau
        self.ppo_epochs = ppo_epochs
        self.ppo_mini_batch_size = ppo_mini_batch_size
        self.clip_epsilon = clip_epsilon
        self.min_batch_size = min_batch_size
        self.l2_reg = l2_reg
        self.env, env_continuous, num_states, num_actions = get_env_info(env_id)
        torch.manual_seed(seed)
        self.policy_net = Policy(num_states, num_actions).to(device)
        self.value_net = Value(num_states).to(device)
        self.collector = MemoryCollector(self.env, self.policy_net, num_process=num_process)
        self.optimizer_p = optim.Adam(self.policy_net.parameters(), lr=lr_p)
        self.optimizer_v = optim.Adam(self.value_net.parameters(), lr=lr_v)

    def learn(self, writer, i_iter):
        memory, log = self.collector.collect_samples(self.min_batch_size)
        writer.add_scalar("average reward", log['avg_reward'], i_iter)
        batch = memory.sample()
        batch_state = FLOAT(batch.state).to(device)
        batch_action = FLOAT(batch.action).to(device)
        batch_reward = FLOAT(batch.reward).to(device)
        batch_mask = FLOAT(batch.mask).to(device)
        batch_log_prob = FLOAT(batch.log_prob).to(device)
        with torch.no_grad():
            batch_value = self.value_net(batch_state)
        batch_advantage, batch_return = estimate_advantages(batch_reward, batch_mask, batch_value,
                                                            self.gamma, self.tau)
        batch_size = batch_state.shape[0]
        optim_iter_num = int(math.ceil(batch_size / self.ppo_mini_batch_size))
        for _ in range(self.ppo_epochs):
            perm = torch.randperm(batch_size)
            for i in range(optim_iter_num):
                ind = perm[i * self.ppo_mini_batch_size: min((i + 1) * self.ppo_mini_batch_size, batch_size)]
                stats = ppo_step(self.policy_net, self.value_net, self.optimizer_p, self.optimizer_v, 1,
                                 batch_state[ind], batch_action[ind], batch_return[ind],
                                 batch_advantage[ind], batch_log_prob[ind], self.clip_epsilon, self.l2_reg)
        writer.add_scalar("critic loss", stats["critic_loss"].item(), i_iter)
        return stats

# Idiom seen in: aRkideR/debatehub-client- DQN.py
# What it reproduces: pytorch-madrl DQN choosing Adam or RMSprop by optimizer_type; the user added
# weight_decay to both branches. The run picks "rmsprop": coupled L2 under RMSprop, on biases too.
import torch as th
from torch import nn
from torch.optim import Adam, RMSprop

import numpy as np

from common.Agent import Agent
from common.Model import ActorNetwork
from common.utils import identity, to_tensor_var


class DQN(Agent):
    def __init__(self, env, state_dim, action_dim,
                 memory_capacity=10000, max_steps=10000,
                 reward_gamma=0.99, actor_hidden_size=32,
                 actor_output_act=identity, critic_loss="mse",
                 actor_lr=0.001, optimizer_type="rmsprop", weight_decay=1e-4,
                 max_grad_norm=0.5, batch_size=100, episodes_before_train=100,
                 use_cuda=True):
        super(DQN, self).__init__(env, state_dim, action_dim, memory_capacity, max_steps,
                                  reward_gamma, batch_size=batch_size,
                                  episodes_before_train=episodes_before_train, use_cuda=use_cuda)
        self.critic_loss = critic_loss
        self.max_grad_norm = max_grad_norm
        self.actor = ActorNetwork(self.state_dim, actor_hidden_size,
                                  self.action_dim, actor_output_act)
        if optimizer_type == "adam":
            self.actor_optimizer = Adam(self.actor.parameters(), lr=actor_lr,
                                        weight_decay=weight_decay)
        elif optimizer_type == "rmsprop":
            self.actor_optimizer = RMSprop(self.actor.parameters(),  # expect: WD203
                                           lr=actor_lr,
                                           weight_decay=weight_decay)  # expect: WD202
        if self.use_cuda:
            self.actor.cuda()

    def train(self):
        if self.n_episodes <= self.episodes_before_train:
            return
        batch = self.memory.sample(self.batch_size)
        states_var = to_tensor_var(batch.states, self.use_cuda).view(-1, self.state_dim)
        actions_var = to_tensor_var(batch.actions, self.use_cuda, "long").view(-1, 1)
        rewards_var = to_tensor_var(batch.rewards, self.use_cuda).view(-1, 1)
        next_states_var = to_tensor_var(batch.next_states, self.use_cuda).view(-1, self.state_dim)
        dones_var = to_tensor_var(batch.dones, self.use_cuda).view(-1, 1)

        current_q = self.actor(states_var).gather(1, actions_var)
        next_q = self.actor(next_states_var).detach().max(1)[0].view(-1, 1)
        target_q = self.reward_scale * rewards_var + self.reward_gamma * next_q * (1. - dones_var)

        self.actor_optimizer.zero_grad()
        if self.critic_loss == "huber":
            loss = th.nn.functional.smooth_l1_loss(current_q, target_q)
        else:
            loss = th.nn.MSELoss()(current_q, target_q)
        loss.backward()
        if self.max_grad_norm is not None:
            nn.utils.clip_grad_norm_(self.actor.parameters(), self.max_grad_norm)
        self.actor_optimizer.step()

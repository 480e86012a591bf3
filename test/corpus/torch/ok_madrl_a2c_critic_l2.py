# Idiom seen in: aRkideR/debatehub-client- DQN.py
# What it reproduces: pytorch-madrl style actor-critic agent; RMSprop without weight_decay and an explicit
# L2 penalty on the critic's weights added to the critic loss that is backpropagated. One decay only. Clean.
import torch as th
from torch import nn
from torch.optim import RMSprop

from common.Agent import Agent
from common.Model import ActorNetwork, CriticNetwork
from common.utils import entropy, to_tensor_var

CRITIC_L2 = 1e-3


class A2C(Agent):
    def __init__(self, env, state_dim, action_dim, actor_lr=0.001, critic_lr=0.001,
                 entropy_reg=0.01, max_grad_norm=0.5, use_cuda=False, **kwargs):
        super(A2C, self).__init__(env, state_dim, action_dim, use_cuda=use_cuda, **kwargs)
        self.entropy_reg = entropy_reg
        self.max_grad_norm = max_grad_norm
        self.actor = ActorNetwork(state_dim, 32, action_dim, nn.functional.log_softmax)
        self.critic = CriticNetwork(state_dim, action_dim, 32, 1)
        self.actor_optimizer = RMSprop(self.actor.parameters(), lr=actor_lr)
        self.critic_optimizer = RMSprop(self.critic.parameters(), lr=critic_lr)

    def train(self):
        batch = self.memory.sample(self.batch_size)
        states_var = to_tensor_var(batch.states, self.use_cuda).view(-1, self.state_dim)
        actions_var = to_tensor_var(batch.actions, self.use_cuda).view(-1, self.action_dim)
        rewards_var = to_tensor_var(batch.rewards, self.use_cuda).view(-1, 1)

        self.actor_optimizer.zero_grad()
        action_log_probs = self.actor(states_var)
        entropy_loss = th.mean(entropy(th.exp(action_log_probs)))
        action_log_probs = th.sum(action_log_probs * actions_var, 1)
        values = self.critic(states_var, actions_var)
        advantages = rewards_var - values.detach()
        pg_loss = -th.mean(action_log_probs * advantages)
        actor_loss = pg_loss - entropy_loss * self.entropy_reg
        actor_loss.backward()
        nn.utils.clip_grad_norm_(self.actor.parameters(), self.max_grad_norm)
        self.actor_optimizer.step()

        self.critic_optimizer.zero_grad()
        target_values = rewards_var
        critic_loss = nn.functional.mse_loss(values, target_values)
        l2 = sum(p.pow(2).sum() for n, p in self.critic.named_parameters() if 'weight' in n)
        critic_loss = critic_loss + CRITIC_L2 * l2
        critic_loss.backward()
        nn.utils.clip_grad_norm_(self.critic.parameters(), self.max_grad_norm)
        self.critic_optimizer.step()

# Idiom seen in: jasoncht1023/ddpg-portfolio-management ddpg/agent.py
# What it reproduces: the Agent steps each network's own optimizer (critic on a Huber TD loss, actor on
#   -Q) and soft-updates the targets through named_parameters state dicts. Clean.
import numpy as np
import torch as T
import torch.nn as nn
import torch.nn.functional as F

from networks import ActorNetworkFC, CriticNetworkFC
from ou_action_noise import OUActionNoise
from replay_buffer import ReplayBuffer


class Agent(object):
    def __init__(self, alpha, beta, input_dims, tau, gamma, n_actions, max_size=300000, batch_size=64):
        self.gamma, self.tau, self.batch_size = gamma, tau, batch_size
        self.memory = ReplayBuffer(max_size, input_dims, n_actions)
        kw = dict(n_actions=n_actions, fc1_dims=256, fc2_dims=128, fc3_dims=64)
        self.actor = ActorNetworkFC(learning_rate=alpha, name="actor", **kw)
        self.critic = CriticNetworkFC(learning_rate=beta, name="critic", **kw)
        self.target_actor = ActorNetworkFC(learning_rate=alpha, name="target_actor", **kw)
        self.target_critic = CriticNetworkFC(learning_rate=beta, name="target_critic", **kw)
        self.noise = OUActionNoise(mu=np.zeros(n_actions), sigma=0.3, theta=0.2)
        self.softmax = nn.Softmax(dim=-1)
        self.update_network_parameters(tau=1)

    def choose_action(self, observation, is_training, expl_prob=0.0):
        self.actor.eval()
        obs = T.tensor(observation, dtype=T.float).to(self.actor.device)
        mu = self.actor(obs)
        self.actor.train()
        if is_training and np.random.rand() < expl_prob:
            mu = mu + T.tensor(self.noise(), dtype=T.float).to(self.actor.device)
        return self.softmax(mu).cpu().detach().numpy()

    def learn(self):
        if self.memory.mem_cntr < self.batch_size:
            return None, None
        states, action, reward, new_states, done = self.memory.sample_buffer(self.batch_size)
        dev = self.critic.device
        reward = T.tensor(reward, dtype=T.float).to(dev)
        done = T.tensor(done, dtype=T.float).to(dev)
        new_states = T.tensor(new_states, dtype=T.float).to(dev)
        action = T.tensor(action, dtype=T.float).to(dev)
        states = T.tensor(states, dtype=T.float).to(dev)

        with T.no_grad():
            target_critic_value = self.target_critic(new_states, self.target_actor(new_states))
            target = reward.view(-1, 1) + self.gamma * (1 - done.view(-1, 1)) * target_critic_value

        self.critic.optimizer.zero_grad()
        critic_loss = F.huber_loss(self.critic(states, action), target, delta=1)
        critic_loss.backward()
        self.critic.optimizer.step()

        self.actor.optimizer.zero_grad()
        actor_loss = T.mean(-self.critic(states, self.actor(states)))
        actor_loss.backward()
        self.actor.optimizer.step()
        self.update_network_parameters(tau=self.tau)
        return actor_loss.item(), critic_loss.item()

    def update_network_parameters(self, tau):
        for target, online in ((self.target_actor, self.actor), (self.target_critic, self.critic)):
            online_state = dict(online.named_parameters())
            target_state = dict(target.named_parameters())
            for name in online_state:
                online_state[name] = tau * online_state[name].clone() + (1 - tau) * target_state[name].clone()
            target.load_state_dict(online_state, strict=False)

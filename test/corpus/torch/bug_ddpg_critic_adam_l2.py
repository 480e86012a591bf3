# Idiom seen in: jasoncht1023/ddpg-portfolio-management ddpg/critic_network_fc.py
# Idiom seen in: jasoncht1023/ddpg-portfolio-management ddpg/agent.py
# What it reproduces: DDPG networks that own their optimizer (self.optimizer built in __init__ on
#   self.parameters()). The repo's critic has no decay; here the DDPG paper's "L2 weight decay of 1e-2
#   on Q" is added as Adam(weight_decay=0.01): coupled L2 (WD202) on biases and LayerNorm too (WD203).
import numpy as np
import torch as T
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class CriticNetworkFC(nn.Module):
    def __init__(self, learning_rate, input_size, n_actions, fc1_dims, fc2_dims, name):
        super().__init__()
        self.name = name
        self.fc1 = nn.Linear(input_size, fc1_dims)
        self.bn1 = nn.LayerNorm(fc1_dims)
        self.fc2 = nn.Linear(fc1_dims, fc2_dims)
        self.bn2 = nn.LayerNorm(fc2_dims)
        self.action_value = nn.Linear(n_actions, fc2_dims)
        self.q = nn.Linear(fc2_dims, 1)
        for layer in (self.fc1, self.fc2):
            f = 1. / np.sqrt(layer.weight.data.size()[1])
            nn.init.uniform_(layer.weight.data, -f, f)
            nn.init.uniform_(layer.bias.data, -f, f)
        nn.init.uniform_(self.q.weight.data, -3e-4, 3e-4)

        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate, weight_decay=0.01)  # expect: WD202, WD203
        self.device = T.device('cuda:0' if T.cuda.is_available() else 'cpu')
        self.to(self.device)

    def forward(self, state, action):
        state_value = F.relu(self.bn1(self.fc1(state)))
        state_value = self.bn2(self.fc2(state_value))
        action_value = F.relu(self.action_value(action))
        return self.q(F.relu(T.add(state_value, action_value)))


class ActorNetworkFC(nn.Module):
    def __init__(self, learning_rate, input_size, n_actions, fc1_dims, fc2_dims, name):
        super().__init__()
        self.name = name
        self.fc1 = nn.Linear(input_size, fc1_dims)
        self.bn1 = nn.LayerNorm(fc1_dims)
        self.fc2 = nn.Linear(fc1_dims, fc2_dims)
        self.bn2 = nn.LayerNorm(fc2_dims)
        self.mu = nn.Linear(fc2_dims, n_actions)
        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate)
        self.device = T.device('cuda:0' if T.cuda.is_available() else 'cpu')
        self.to(self.device)

    def forward(self, state):
        x = F.relu(self.bn1(self.fc1(state)))
        x = F.relu(self.bn2(self.fc2(x)))
        return T.softmax(self.mu(x), dim=-1)


class Agent:
    def __init__(self, alpha, beta, input_size, n_actions, tau=0.005, gamma=0.99,
                 fc1_dims=400, fc2_dims=300, batch_size=64, memory=None):
        self.gamma, self.tau, self.batch_size = gamma, tau, batch_size
        self.memory = memory
        self.actor = ActorNetworkFC(alpha, input_size, n_actions, fc1_dims, fc2_dims, 'actor')
        self.critic = CriticNetworkFC(beta, input_size, n_actions, fc1_dims, fc2_dims, 'critic')
        self.target_actor = ActorNetworkFC(alpha, input_size, n_actions, fc1_dims, fc2_dims, 'target_actor')
        self.target_critic = CriticNetworkFC(beta, input_size, n_actions, fc1_dims, fc2_dims, 'target_critic')
        self.update_network_parameters(tau=1.0)

    def learn(self):
        if self.memory.mem_cntr < self.batch_size:
            return
        states, actions, rewards, states_, done = self.memory.sample_buffer(self.batch_size)
        dev = self.actor.device
        states = T.tensor(states, dtype=T.float).to(dev)
        states_ = T.tensor(states_, dtype=T.float).to(dev)
        actions = T.tensor(actions, dtype=T.float).to(dev)
        rewards = T.tensor(rewards, dtype=T.float).to(dev)
        done = T.tensor(done).to(dev)

        with T.no_grad():
            target_actions = self.target_actor(states_)
            critic_value_ = self.target_critic(states_, target_actions).view(-1)
            critic_value_[done] = 0.0
            target = rewards + self.gamma * critic_value_

        self.critic.optimizer.zero_grad()
        critic_value = self.critic(states, actions).view(-1)
        critic_loss = F.mse_loss(target, critic_value)
        critic_loss.backward()
        self.critic.optimizer.step()

        self.actor.optimizer.zero_grad()
        actor_loss = -T.mean(self.critic(states, self.actor(states)))
        actor_loss.backward()
        self.actor.optimizer.step()
        self.update_network_parameters()

    def update_network_parameters(self, tau=None):
        tau = self.tau if tau is None else tau
        for target, source in ((self.target_actor, self.actor), (self.target_critic, self.critic)):
            for t_param, param in zip(target.parameters(), source.parameters()):
                t_param.data.copy_(tau * param.data + (1 - tau) * t_param.data)

# Idiom seen in: philtabor/Actor-Critic-Methods-Paper-To-Code DDPG/networks.py
# Idiom seen in: philtabor/Actor-Critic-Methods-Paper-To-Code DDPG/ddpg_torch.py
# What it reproduces: the agent trains the critic with critic.optimizer (Adam, weight_decay=0.01
#   on all critic parameters, see networks.py); this file only steps the optimizers.
import numpy as np
import torch as T
import torch.nn.functional as F

from buffer import ReplayBuffer
from noise import OUActionNoise
from networks import ActorNetwork, CriticNetwork


class Agent():
    def __init__(self, alpha, beta, input_dims, tau, n_actions, gamma=0.99,
                 max_size=1000000, fc1_dims=400, fc2_dims=300, batch_size=64):
        self.gamma = gamma
        self.tau = tau
        self.batch_size = batch_size
        self.memory = ReplayBuffer(max_size, input_dims, n_actions)
        self.noise = OUActionNoise(mu=np.zeros(n_actions))

        self.actor = ActorNetwork(alpha, input_dims, fc1_dims, fc2_dims,
                                  n_actions=n_actions, name='actor')
        self.critic = CriticNetwork(beta, input_dims, fc1_dims, fc2_dims,
                                    n_actions=n_actions, name='critic')
        self.target_actor = ActorNetwork(alpha, input_dims, fc1_dims, fc2_dims,
                                         n_actions=n_actions, name='target_actor')
        self.target_critic = CriticNetwork(beta, input_dims, fc1_dims, fc2_dims,
                                           n_actions=n_actions, name='target_critic')
        self.update_network_parameters(tau=1)

    def choose_action(self, observation):
        self.actor.eval()
        state = T.tensor(np.array([observation]), dtype=T.float).to(self.actor.device)
        mu = self.actor(state)
        mu_prime = mu + T.tensor(self.noise(), dtype=T.float).to(self.actor.device)
        self.actor.train()
        return mu_prime.cpu().detach().numpy()[0]

    def remember(self, state, action, reward, state_, done):
        self.memory.store_transition(state, action, reward, state_, done)

    def learn(self):
        if self.memory.mem_cntr < self.batch_size:
            return
        states, actions, rewards, states_, done = self.memory.sample_buffer(self.batch_size)
        states = T.tensor(states, dtype=T.float).to(self.actor.device)
        states_ = T.tensor(states_, dtype=T.float).to(self.actor.device)
        actions = T.tensor(actions, dtype=T.float).to(self.actor.device)
        rewards = T.tensor(rewards, dtype=T.float).to(self.actor.device)
        done = T.tensor(done).to(self.actor.device)

        target_actions = self.target_actor(states_)
        critic_value_ = self.target_critic(states_, target_actions)
        critic_value = self.critic(states, actions)
        critic_value_[done] = 0.0
        target = rewards + self.gamma * critic_value_.view(-1)
        target = target.view(self.batch_size, 1)

        self.critic.optimizer.zero_grad()
        critic_loss = F.mse_loss(target, critic_value)
        critic_loss.backward()
        self.critic.optimizer.step()

        self.actor.optimizer.zero_grad()
        actor_loss = -self.critic(states, self.actor(states)).mean()
        actor_loss.backward()
        self.actor.optimizer.step()

        self.update_network_parameters()

    def update_network_parameters(self, tau=None):
        if tau is None:
            tau = self.tau
        for target, source in ((self.target_critic, self.critic), (self.target_actor, self.actor)):
            merged = {}
            target_state = dict(target.named_parameters())
            for name, param in source.named_parameters():
                merged[name] = tau * param.clone() + (1 - tau) * target_state[name].clone()
            target.load_state_dict(merged, strict=False)

# Idiom seen in: mrdvince/collaboration_competition agent.py
# Idiom seen in: mrdvince/collaboration_competition config.py
# What it reproduces: MADDPG agent whose critic Adam gets weight_decay=WEIGHT_DECAY read from config.py,
# where WEIGHT_DECAY = 0: no decay at all, so no coupled-L2 or bias-decay finding: clean.
import torch
import torch.nn.functional as F
import torch.optim as optim

import config
from model import Actor, Critic

LR_ACTOR = config.LR_ACTOR
LR_CRITIC = config.LR_CRITIC
TAU = config.TAU
WEIGHT_DECAY = config.WEIGHT_DECAY      # L2 weight decay

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class DDPGAgent():
    def __init__(self, state_size, action_size, num_agents, random_seed):
        self.actor_local = Actor(state_size, action_size, random_seed).to(device)
        self.actor_target = Actor(state_size, action_size, random_seed).to(device)
        self.actor_optimizer = optim.Adam(
            self.actor_local.parameters(), lr=LR_ACTOR)
        self.critic_local = Critic(state_size * num_agents, action_size * num_agents, random_seed).to(device)
        self.critic_target = Critic(state_size * num_agents, action_size * num_agents, random_seed).to(device)
        self.critic_optimizer = optim.Adam(
            self.critic_local.parameters(), lr=LR_CRITIC, weight_decay=WEIGHT_DECAY)

    def learn(self, experiences, gamma):
        states_list, actions_list, rewards, next_states_list, dones = experiences
        states_tensor = torch.cat(states_list, dim=1)
        next_actions = torch.cat([self.actor_target(s) for s in next_states_list], dim=1)
        Q_targets = rewards + gamma * self.critic_target(torch.cat(next_states_list, dim=1), next_actions) * (1 - dones)
        critic_loss = F.mse_loss(self.critic_local(states_tensor, torch.cat(actions_list, dim=1)), Q_targets)
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

        actions_pred = torch.cat([self.actor_local(s) for s in states_list], dim=1)
        actor_loss = -self.critic_local(states_tensor, actions_pred).mean()
        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()

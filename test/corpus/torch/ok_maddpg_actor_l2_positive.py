# Idiom seen in: mrdvince/collaboration_competition agent.py
# What it reproduces: MADDPG actor update with an L2 penalty on the actor's fc1/fc2 weights inside the maximised
# objective with the right sign: actor_loss = -(q - c * l2) = -q + c*l2, a positive penalty: clean.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

import config

LR_ACTOR = config.LR_ACTOR
LR_CRITIC = config.LR_CRITIC
TAU = config.TAU
L2_REG = 1e-4  # L2 penalty on the actor weights

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class Actor(nn.Module):
    def __init__(self, state_size, action_size, seed, fc1_units=256, fc2_units=128):
        super(Actor, self).__init__()
        self.seed = torch.manual_seed(seed)
        self.fc1 = nn.Linear(state_size, fc1_units)
        self.fc2 = nn.Linear(fc1_units, fc2_units)
        self.fc3 = nn.Linear(fc2_units, action_size)

    def forward(self, state):
        return torch.tanh(self.fc3(F.relu(self.fc2(F.relu(self.fc1(state))))))


class Critic(nn.Module):
    def __init__(self, full_state_size, full_action_size, seed, fc1_units=256, fc2_units=128):
        super(Critic, self).__init__()
        self.seed = torch.manual_seed(seed)
        self.fc1 = nn.Linear(full_state_size, fc1_units)
        self.fc2 = nn.Linear(fc1_units + full_action_size, fc2_units)
        self.fc3 = nn.Linear(fc2_units, 1)

    def forward(self, state, action):
        xs = F.relu(self.fc1(state))
        return self.fc3(F.relu(self.fc2(torch.cat((xs, action), dim=1))))


class DDPGAgent():
    def __init__(self, state_size, action_size, num_agents, random_seed):
        self.actor_local = Actor(state_size, action_size, random_seed).to(device)
        self.actor_target = Actor(state_size, action_size, random_seed).to(device)
        self.actor_optimizer = optim.Adam(self.actor_local.parameters(), lr=LR_ACTOR)
        self.critic_local = Critic(state_size * num_agents, action_size * num_agents, random_seed).to(device)
        self.critic_target = Critic(state_size * num_agents, action_size * num_agents, random_seed).to(device)
        self.critic_optimizer = optim.Adam(self.critic_local.parameters(), lr=LR_CRITIC)

    def learn(self, experiences, gamma):
        states_list, actions_list, rewards, next_states_list, dones = experiences
        next_states_tensor = torch.cat(next_states_list, dim=1)
        states_tensor = torch.cat(states_list, dim=1)
        actions_tensor = torch.cat(actions_list, dim=1)

        next_actions = torch.cat([self.actor_target(s) for s in states_list], dim=1)
        Q_targets = rewards + gamma * self.critic_target(next_states_tensor, next_actions) * (1 - dones)
        critic_loss = F.mse_loss(self.critic_local(states_tensor, actions_tensor), Q_targets)
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        self.critic_optimizer.step()

        actions_pred = torch.cat([self.actor_local(s) for s in states_list], dim=1)
        q = self.critic_local(states_tensor, actions_pred).mean()
        l2 = torch.norm(self.actor_local.fc1.weight) ** 2 + torch.norm(self.actor_local.fc2.weight) ** 2
        actor_loss = -(q - L2_REG * l2)
        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()

        for target, local in ((self.critic_target, self.critic_local), (self.actor_target, self.actor_local)):
            for tp, lp in zip(target.parameters(), local.parameters()):
                tp.data.copy_(TAU * lp.data + (1.0 - TAU) * tp.data)

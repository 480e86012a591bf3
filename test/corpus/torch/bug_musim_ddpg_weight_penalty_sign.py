# Idiom seen in: saxenalab-neuro/muSim SAC/sac.py
# What it reproduces: muSim-style actor regularization (||W_in||^2 + ||W_rnn_ih||^2 + ||W_out||^2 scaled by a
# config coefficient) written inline in a DDPG actor update; the author wrote the objective as "maximize Q"
# and subtracted the penalty from the minimized loss -> the weights are pushed to GROW (negative decay).
# The real repo adds gamma_usim * _policy_loss_4() to the loss (correct); the sign slip is the user mistake.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import Adam

from replay_memory import PolicyReplayMemory

CONFIG = {
    "hidden_size": 256,
    "lr": 3e-4,
    "gamma": 0.99,
    "tau": 0.005,
    "gamma_usim": 1e-3,   # weight of the weight-minimisation loss
    "policy_batch_size": 8,
}


class Actor(nn.Module):
    def __init__(self, num_inputs, num_actions, hidden_size):
        super().__init__()
        self.linear1 = nn.Linear(num_inputs, hidden_size)
        self.rnn = nn.RNN(hidden_size, hidden_size, batch_first=True, nonlinearity="tanh")
        self.mean_linear = nn.Linear(hidden_size, num_actions)

    def forward(self, state, h0):
        x = F.relu(self.linear1(state))
        out, h = self.rnn(x, h0)
        return torch.tanh(self.mean_linear(out)), h


class Critic(nn.Module):
    def __init__(self, num_inputs, num_actions, hidden_size):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(num_inputs + num_actions, hidden_size), nn.ReLU(),
                                 nn.Linear(hidden_size, hidden_size), nn.ReLU(),
                                 nn.Linear(hidden_size, 1))

    def forward(self, state, action):
        return self.net(torch.cat([state, action], dim=-1))


class DDPG_Agent:
    def __init__(self, num_inputs, num_actions, cfg):
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.hidden_size = cfg["hidden_size"]
        self.gamma, self.tau = cfg["gamma"], cfg["tau"]
        self.gamma_usim = cfg["gamma_usim"]
        self.actor = Actor(num_inputs, num_actions, self.hidden_size).to(self.device)
        self.critic = Critic(num_inputs, num_actions, self.hidden_size).to(self.device)
        self.critic_target = Critic(num_inputs, num_actions, self.hidden_size).to(self.device)
        self.critic_target.load_state_dict(self.critic.state_dict())
        self.actor_optim = Adam(self.actor.parameters(), lr=cfg["lr"])
        self.critic_optim = Adam(self.critic.parameters(), lr=cfg["lr"])

    def update_parameters(self, memory: PolicyReplayMemory, batch_size: int):
        state, action, reward, next_state, mask = [torch.FloatTensor(t).to(self.device) for t in memory.sample(batch_size)]
        h0 = torch.zeros(1, state.shape[0], self.hidden_size, device=self.device)

        with torch.no_grad():
            next_action, _ = self.actor(next_state, h0)
            target_q = reward + mask * self.gamma * self.critic_target(next_state, next_action)
        qf_loss = F.mse_loss(self.critic(state, action), target_q)
        self.critic_optim.zero_grad()
        qf_loss.backward()
        self.critic_optim.step()

        pi_action, _ = self.actor(state, h0)
        policy_loss = -self.critic(state, pi_action).mean()

        # keep the input / recurrent-input / output weights small
        weights_l2 = (torch.norm(self.actor.linear1.weight) ** 2
                      + torch.norm(self.actor.rnn.weight_ih_l0) ** 2
                      + torch.norm(self.actor.mean_linear.weight) ** 2)
        policy_loss = policy_loss - self.gamma_usim * weights_l2  # expect: WD302

        self.actor_optim.zero_grad()
        policy_loss.backward()
        self.actor_optim.step()

        for tp, p in zip(self.critic_target.parameters(), self.critic.parameters()):
            tp.data.copy_(tp.data * (1.0 - self.tau) + p.data * self.tau)
        return qf_loss.item(), policy_loss.item()


def train(env, episodes=1000):
    agent = DDPG_Agent(env.observation_space.shape[0], env.action_space.shape[0], CONFIG)
    memory = PolicyReplayMemory(capacity=100000)
    for ep in range(episodes):
        memory.collect_episode(env, agent)
        if len(memory) > CONFIG["policy_batch_size"]:
            agent.update_parameters(memory, CONFIG["policy_batch_size"])

# Idiom seen in: saxenalab-neuro/muSim SAC/sac.py
# What it reproduces: muSim SAC actor update with the extra policy losses: a penalty on RNN/linear activations
# and a weight-minimisation penalty (_policy_loss_4: squared norms of weight matrices) scaled by config
# coefficients and ADDED to the policy loss; Adam has no weight_decay, so the decay is applied once. Clean.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import Adam

from replay_memory import PolicyReplayMemory


class Actor(nn.Module):
    def __init__(self, num_inputs, num_actions, hidden_size):
        super().__init__()
        self.linear1 = nn.Linear(num_inputs, hidden_size)
        self.rnn = nn.RNN(hidden_size, hidden_size, batch_first=True)
        self.mean_linear = nn.Linear(hidden_size, num_actions)
        self.log_std_linear = nn.Linear(hidden_size, num_actions)

    def forward(self, state, h0):
        x = F.relu(self.linear1(state))
        out, _ = self.rnn(x, h0)
        return self.mean_linear(out), self.log_std_linear(out).clamp(-20, 2), out, x

    def sample(self, state, h0):
        mean, log_std, rnn_out, lin_out = self.forward(state, h0)
        normal = torch.distributions.Normal(mean, log_std.exp())
        x_t = normal.rsample()
        action = torch.tanh(x_t)
        log_prob = (normal.log_prob(x_t) - torch.log(1 - action.pow(2) + 1e-6)).sum(-1, keepdim=True)
        return action, log_prob, rnn_out, lin_out


class SAC_Agent:
    def __init__(self, num_inputs, num_actions, hidden_size, lr, alpha, beta_usim, gamma_usim, critic):
        self.hidden_size = hidden_size
        self.alpha, self.beta_usim, self.gamma_usim = alpha, beta_usim, gamma_usim
        self.actor = Actor(num_inputs, num_actions, hidden_size)
        self.critic = critic
        self.actor_optim = Adam(self.actor.parameters(), lr=lr)

    def _policy_loss_3(self, rnn_out, linear_out):
        # minimise firing rates
        return torch.norm(rnn_out) ** 2 + torch.norm(linear_out) ** 2

    def _policy_loss_4(self):
        # minimise input and output weights of the RNN and the layers around it
        J_in1 = self.actor.linear1.weight
        J_rnn_i = self.actor.rnn.weight_ih_l0
        J_out1 = self.actor.mean_linear.weight
        J_out2 = self.actor.log_std_linear.weight
        return torch.norm(J_in1) ** 2 + torch.norm(J_rnn_i) ** 2 + torch.norm(J_out1) ** 2 + torch.norm(J_out2) ** 2

    def update_actor(self, memory: PolicyReplayMemory, batch_size):
        state = torch.FloatTensor(memory.sample_states(batch_size))
        h0 = torch.zeros(1, state.shape[0], self.hidden_size)
        pi_action, log_prob, rnn_out, lin_out = self.actor.sample(state, h0)
        qf1_pi, qf2_pi = self.critic(state, pi_action)
        policy_loss = ((self.alpha * log_prob) - torch.min(qf1_pi, qf2_pi)).mean()

        loss_activations_min = self._policy_loss_3(rnn_out, lin_out)
        loss_weights_min = self._policy_loss_4()
        policy_loss += (self.beta_usim * loss_activations_min) + (self.gamma_usim * loss_weights_min)

        self.actor_optim.zero_grad()
        policy_loss.backward()
        self.actor_optim.step()
        return policy_loss.item()


if __name__ == "__main__":
    from critic import DoubleCritic
    critic = DoubleCritic(num_inputs=48, num_actions=26, hidden_size=256)
    agent = SAC_Agent(48, 26, 256, lr=3e-4, alpha=0.2, beta_usim=0.01, gamma_usim=0.001, critic=critic)
    memory = PolicyReplayMemory(capacity=1000000)
    for it in range(10000):
        if len(memory) > 8:
            agent.update_actor(memory, 8)

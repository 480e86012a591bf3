# Idiom seen in: AI4Finance-Foundation/ElegantRL docs/source/algorithms/dqn.rst
# What it reproduces: ElegantRL-style AgentBase building its optimizers as torch.optim.AdamW(net.parameters(), lr)
# with no weight_decay keyword: AdamW's default 0.01 decays every parameter, biases included.
from copy import deepcopy

import torch
import torch.nn as nn


class QNet(nn.Module):
    def __init__(self, mid_dim, state_dim, action_dim):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(state_dim, mid_dim), nn.ReLU(),
                                 nn.Linear(mid_dim, mid_dim), nn.ReLU(),
                                 nn.Linear(mid_dim, action_dim))

    def forward(self, state):
        return self.net(state)


class AgentDQN:
    def __init__(self):
        self.explore_rate = 0.1
        self.learning_rate = 1e-4
        self.soft_update_tau = 2 ** -8
        self.cri = self.cri_target = None
        self.criterion = None
        self.optimizer = None

    def init(self, net_dim, state_dim, action_dim):
        self.action_dim = action_dim
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.cri = QNet(net_dim, state_dim, action_dim).to(self.device)
        self.cri_target = deepcopy(self.cri)
        self.act = self.cri
        self.criterion = torch.nn.SmoothL1Loss()
        self.optimizer = torch.optim.AdamW(self.cri.parameters(), self.learning_rate)  # expect: WD203

    def update_net(self, buffer, batch_size, repeat_times, gamma):
        for _ in range(int(buffer.now_len / batch_size * repeat_times)):
            with torch.no_grad():
                reward, mask, action, state, next_s = buffer.sample_batch(batch_size)
                next_q = self.cri_target(next_s).max(dim=1, keepdim=True)[0]
                q_label = reward + mask * gamma * next_q
            q_value = self.cri(state).gather(1, action.long())
            obj_critic = self.criterion(q_value, q_label)
            self.optimizer.zero_grad()
            obj_critic.backward()
            self.optimizer.step()
            for tar, cur in zip(self.cri_target.parameters(), self.cri.parameters()):
                tar.data.copy_(cur.data * self.soft_update_tau + tar.data * (1 - self.soft_update_tau))


if __name__ == '__main__':
    from elegantrl.replay import ReplayBuffer
    agent = AgentDQN()
    agent.init(net_dim=256, state_dim=4, action_dim=2)
    buffer = ReplayBuffer(max_len=2 ** 17, state_dim=4, action_dim=1)
    agent.update_net(buffer, batch_size=256, repeat_times=1.0, gamma=0.99)

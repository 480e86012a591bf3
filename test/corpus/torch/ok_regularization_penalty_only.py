# Idiom seen in: namjiwon1023/Code_With_RL tutorials/common/regularization.py
# What it reproduces: the copied Regularization(model, weight_decay, p=2) module (squared-norm variant,
# 'weight' tensors only) added to a DQN-style regression loss, with an Adam optimizer built WITHOUT
# weight_decay. Clean: a single explicit L2 term that reaches backward(); biases are not penalized.
import torch
import torch.nn as nn
import torch.nn.functional as F

from buffer import ReplayBuffer

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Regularization(torch.nn.Module):
    def __init__(self, model, weight_decay, p=2):
        super(Regularization, self).__init__()
        if weight_decay <= 0:
            print("param weight_decay can not <=0")
            exit(0)
        self.model = model
        self.weight_decay = weight_decay
        self.p = p

    def forward(self, model):
        weight_list = [(n, p) for n, p in model.named_parameters() if 'weight' in n]
        reg_loss = 0
        for name, w in weight_list:
            reg_loss = reg_loss + torch.norm(w, p=self.p).pow(2)
        return self.weight_decay * reg_loss


class QNetwork(nn.Module):
    def __init__(self, n_states, n_actions, hidden=128):
        super().__init__()
        self.fc1 = nn.Linear(n_states, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, n_actions)

    def forward(self, x):
        return self.out(F.relu(self.fc2(F.relu(self.fc1(x)))))


def train(n_states=4, n_actions=2, gamma=0.99, steps=20000, batch_size=64):
    q_net = QNetwork(n_states, n_actions).to(device)
    target_net = QNetwork(n_states, n_actions).to(device)
    target_net.load_state_dict(q_net.state_dict())
    optimizer = torch.optim.Adam(q_net.parameters(), lr=1e-3)
    reg_loss = Regularization(q_net, weight_decay=1e-4, p=2).to(device)
    memory = ReplayBuffer(50000)

    for step in range(steps):
        if len(memory) < batch_size:
            continue
        s, a, r, s2, d = memory.sample(batch_size)
        q = q_net(s).gather(1, a.long().unsqueeze(1)).squeeze(1)
        with torch.no_grad():
            target = r + gamma * (1 - d) * target_net(s2).max(1)[0]
        loss = F.smooth_l1_loss(q, target)
        loss = loss + reg_loss(q_net)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 1000 == 0:
            target_net.load_state_dict(q_net.state_dict())


if __name__ == '__main__':
    train()

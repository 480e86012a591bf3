# Idiom seen in: jilwang84/SR-GNN src/SR_GNN.py
# Idiom seen in: jilwang84/SR-GNN main.py
# What it reproduces: a session-recommendation GNN that builds its own optimizer in __init__ with
#   Adam(self.parameters(), weight_decay=l2): coupled L2 under Adam on every parameter, the Linear
#   biases of the attention readout included (l2=1e-5 from --l2). Same as the real repository.
import argparse
import math

import torch
import torch.nn as nn
import torch.optim as optim
from torch_geometric.nn import GatedGraphConv
from torch_geometric.loader import DataLoader

from dataset import MultiSessionsGraph


class SR_GNN(nn.Module):
    def __init__(self, n_hid, n_node, epoch=30, lr=0.001, l2=1e-5, lr_dc_step=3, lr_dc=0.1, n_layers=1):
        super(SR_GNN, self).__init__()
        self.n_hidden = n_hid
        self.n_node = n_node
        self.embed = nn.Embedding(self.n_node, self.n_hidden)
        self.ggc = GatedGraphConv(self.n_hidden, num_layers=n_layers)
        self.W_1 = nn.Linear(self.n_hidden, self.n_hidden)
        self.W_2 = nn.Linear(self.n_hidden, self.n_hidden)
        self.q = nn.Linear(self.n_hidden, 1)
        self.W_3 = nn.Linear(2 * self.n_hidden, self.n_hidden)

        self.max_epoch = epoch
        self.loss_function = nn.CrossEntropyLoss()
        self.optimizer = optim.Adam(self.parameters(), lr=lr, weight_decay=l2)  # expect: WD202, WD203
        self.scheduler = optim.lr_scheduler.StepLR(self.optimizer, step_size=lr_dc_step, gamma=lr_dc)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.n_hidden)
        for weight in self.parameters():
            weight.data.uniform_(-stdv, stdv)

    def forward(self, data):
        embedding = self.embed(data.x).squeeze()
        v = self.ggc(embedding, data.edge_index, data.edge_weight)
        sections = list(torch.bincount(data.batch))
        v_by_sessions = torch.split(v, sections)
        s_l = torch.stack([s[-1] for s in v_by_sessions], dim=0)
        v_n = torch.cat([s[-1].view(-1).repeat(s.shape[0], 1) for s in v_by_sessions], dim=0)
        alpha = self.q(torch.sigmoid(self.W_1(v_n) + self.W_2(v)))
        s_g = torch.stack([s.sum(dim=0) for s in torch.split(alpha * v, sections)], dim=0)
        s_h = self.W_3(torch.cat([s_l, s_g], dim=-1))
        return torch.mm(s_h, self.embed.weight.transpose(1, 0))


def train(model, train_data_loader, device):
    model.train()
    for epoch in range(model.max_epoch):
        for i, batch in enumerate(train_data_loader):
            y_pred = model(batch.to(device))
            train_loss = model.loss_function(y_pred, batch.y.to(device))
            model.optimizer.zero_grad()
            train_loss.backward()
            model.optimizer.step()
        model.scheduler.step()


parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='diginetica')
parser.add_argument('--batch_size', type=int, default=100)
parser.add_argument('--hidden_size', type=int, default=100)
parser.add_argument('--epoch', type=int, default=30)
parser.add_argument('--lr', type=float, default=0.001)
parser.add_argument('--lr_dc', type=float, default=0.1)
parser.add_argument('--lr_dc_step', type=int, default=3)
parser.add_argument('--l2', type=float, default=1e-5, help='l2 penalty')
opt = parser.parse_args()


def main():
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_dataset = MultiSessionsGraph('datasets/' + opt.dataset, phrase='train')
    train_loader = DataLoader(train_dataset, batch_size=opt.batch_size, shuffle=True)
    n_node = 43098 if opt.dataset == 'diginetica' else 37484
    model = SR_GNN(opt.hidden_size, n_node, epoch=opt.epoch, lr=opt.lr, l2=opt.l2,
                   lr_dc_step=opt.lr_dc_step, lr_dc=opt.lr_dc).to(device)
    train(model, train_loader, device)


if __name__ == '__main__':
    main()

# Idiom seen in: bmsookim/graph-tutorial.pytorch 3_Spectral_Graph_Convolution/train.py
# Idiom seen in: bmsookim/graph-tutorial.pytorch 3_Spectral_Graph_Convolution/opts.py
# What it reproduces: GCN tutorial trainer picking Adam or SGD from argparse and passing --weight_decay 5e-4 to Adam
# over all model.parameters(): coupled L2 under Adam (WD202) that also decays the GCN biases (WD203).
# The optimizer code and values are written here in the repository's idiom; the real code was not seen to have this mistake.
import argparse
import time

import torch
import torch.nn.functional as F
import torch.optim as optim

from models import GCN
from utils import load_data, accuracy

parser = argparse.ArgumentParser(description='PyTorch graph convolutional neural net')
parser.add_argument('--dataset', default='cora', type=str)
parser.add_argument('--num_hidden', default=16, type=int)
parser.add_argument('--dropout', default=0.5, type=float)
parser.add_argument('--weight_decay', default=5e-4, type=float)
parser.add_argument('--lr', default=1e-3, type=float)
parser.add_argument('--optimizer', default='adam', type=str)
parser.add_argument('--epoch', default=800, type=int)
parser.add_argument('--lr_decay_epoch', default=5000, type=int)
opt = parser.parse_args()

adj, features, labels, idx_train, idx_val, idx_test = load_data(path=opt.dataset)

model = GCN(nfeat=features.shape[1], nhid=opt.num_hidden,
            nclass=int(labels.max()) + 1, dropout=opt.dropout)

if opt.optimizer == 'sgd':
    optimizer = optim.SGD(model.parameters(), lr=opt.lr, momentum=0.9)
elif opt.optimizer == 'adam':
    optimizer = optim.Adam(
        model.parameters(),  # expect: WD203
        lr=opt.lr,
        weight_decay=opt.weight_decay)  # expect: WD202
else:
    raise NotImplementedError(opt.optimizer)


def lr_scheduler(epoch, init_lr=opt.lr, lr_decay_epoch=opt.lr_decay_epoch):
    return init_lr * (0.1 ** (epoch // lr_decay_epoch))


def train(epoch):
    t = time.time()
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr_scheduler(epoch)
    model.train()
    optimizer.zero_grad()
    output = model(features, adj)
    loss_train = F.nll_loss(output[idx_train], labels[idx_train])
    acc_train = accuracy(output[idx_train], labels[idx_train])
    loss_train.backward()
    optimizer.step()
    print('Epoch: {:04d} loss_train: {:.4f} acc_train: {:.4f} time: {:.4f}s'.format(
        epoch + 1, loss_train.item(), acc_train.item(), time.time() - t))


if __name__ == '__main__':
    for epoch in range(opt.epoch):
        train(epoch)

# Idiom seen in: virtual-world-oss/AM-GCN-Reproduct train.py
# What it reproduces: weight_decay from the config dict goes to Adam(net.parameters(), ...): coupled L2
#   under Adam (WD202) on a single group that also decays both GCN bias vectors (WD203).
import time

import torch
import torch.nn.functional as F
import torch.optim as optim
from sklearn.metrics import f1_score

from dataloader import load_data
from model.gcn import GCN
from config import config

epochs = config['epoch']
lr = config['lr']
device = config['device']
dataset_name = config['dataset']
hiddensize = config['hiddensize']
dropout = config['dropout']
weight_decay = config['weight_decay']

adj, features, y_train, y_val, y_test, labels, idx_train, idx_val, idx_test = load_data(dataset_name)
adj = adj.to(device)
features = features.to(device)
y_train = y_train.to(device)
y_test = y_test.to(device)

net = GCN(features.shape[1], hiddensize, labels.shape[1], dropout)
net = net.to(device)

optimer = optim.Adam(net.parameters(), lr=lr, weight_decay=weight_decay)  # expect: WD202, WD203


def cal_acc(out, label):
    out_label = out.max(1)[1].type_as(label)
    return out_label.eq(label).double().sum() / len(label)


def train(epoch):
    net.train()
    optimer.zero_grad()
    out = net(adj, features)
    loss_train = F.nll_loss(out[idx_train], y_train)
    acc_train = cal_acc(out[idx_train], y_train)
    loss_train.backward()
    optimer.step()
    acc_test, f1_test = mytest()
    print("epoch:{}\ttrain_loss:{:.4f}\ttrain_acc:{:.4f}\ttest_acc:{:.4f}\ttest_f1:{:.4f}".format(
        epoch + 1, loss_train.item(), acc_train.item(), acc_test.item(), f1_test))
    return acc_test, f1_test


def mytest():
    net.eval()
    with torch.no_grad():
        out = net(adj, features)
    acc_test = cal_acc(out[idx_test], y_test)
    label_pred = out[idx_test].argmax(dim=1).tolist()
    macro_f1 = f1_score(y_test.tolist(), label_pred, average='macro')
    return acc_test, macro_f1


if __name__ == '__main__':
    t = time.time()
    best_acc, best_f1 = 0.0, 0.0
    for epoch in range(epochs):
        acc_test, f1_test = train(epoch)
        if acc_test >= best_acc:
            best_acc, best_f1 = acc_test, f1_test
    print("done in {:.1f}s, best acc {:.4f}, macro f1 {:.4f}".format(time.time() - t, best_acc, best_f1))

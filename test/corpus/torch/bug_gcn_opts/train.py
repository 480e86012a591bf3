# Idiom seen in: bmsookim/graph-cnn.pytorch train.py
# What it reproduces: optimizer chosen from opts: SGD gets weight_decay on model.parameters() (GraphConvolution biases decayed too), while the Adam branch has no optimizer decay and instead adds Kipf's first-layer L2 to the loss, so the explicit term and the optimizer decay never act together. WD203 only.
import os
import sys
import time

import torch
import torch.nn.functional as F
import torch.optim as optim

from models import GCN
from opts import TrainOptions
from utils import accuracy, load_data

opt = TrainOptions().parse()
adj, features, labels, idx_train, idx_val, idx_test = load_data(path=opt.dataroot, dataset=opt.dataset)
use_gpu = torch.cuda.is_available()

model = GCN(nfeat=features.shape[1], nhid=opt.num_hidden, nclass=labels.max().item() + 1,
            dropout=opt.dropout, init=opt.init_type)

if opt.optimizer == 'SGD':
    optimizer = optim.SGD(
            model.parameters(),  # expect: WD203
            lr=opt.lr,
            weight_decay=opt.weight_decay,
            momentum=0.9
    )
elif opt.optimizer == 'Adam':
    optimizer = optim.Adam(model.parameters(), lr=opt.lr)
else:
    print("Optimizer is not defined")
    sys.exit(1)

best_acc = 0
save_point = os.path.join('./checkpoint', opt.dataset)
os.makedirs(save_point, exist_ok=True)


def train(epoch):
    global best_acc
    t = time.time()
    model.train()
    for group in optimizer.param_groups:
        group['lr'] = opt.lr * (0.5 ** (epoch // opt.lr_decay_epoch))
    optimizer.zero_grad()

    output = model(features, adj)
    loss_train = F.nll_loss(output[idx_train], labels[idx_train])
    if opt.optimizer == 'Adam':
        # as in the original GCN: L2 on the first layer's weights only
        loss_train = loss_train + opt.weight_decay * model.gc1.weight.pow(2).sum() / 2
    acc_train = accuracy(output[idx_train], labels[idx_train])
    loss_train.backward()
    optimizer.step()

    model.eval()
    with torch.no_grad():
        output = model(features, adj)
        acc_val = accuracy(output[idx_val], labels[idx_val])
    if acc_val > best_acc:
        best_acc = acc_val
        torch.save({'model': model.state_dict(), 'acc': best_acc, 'epoch': epoch},
                   os.path.join(save_point, 'gcn.t7'))
    sys.stdout.write("\r=> epoch #{} | loss {:.4f} | train acc {:6.2f}% | best val {:6.2f}% | {:.3f}s".format(
        epoch, loss_train.item(), acc_train.item() * 100, best_acc * 100, time.time() - t))


if __name__ == "__main__":
    if use_gpu:
        model.cuda()
        features, adj, labels = features.cuda(), adj.cuda(), labels.cuda()
        idx_train, idx_val, idx_test = idx_train.cuda(), idx_val.cuda(), idx_test.cuda()
    for epoch in range(1, opt.epoch + 1):
        train(epoch)
    print("\n=> Training finished!")

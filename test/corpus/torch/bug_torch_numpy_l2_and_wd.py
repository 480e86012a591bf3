# Idiom seen in: vanwayplus/pytorch_test main.py
# What it reproduces: d2l-style linear regression on numpy-generated features (TensorDataset +
#   DataLoader, nn.Sequential(nn.Linear)). The user keeps the hand-written l2_penalty from the
#   "from scratch" chapter AND sets weight_decay on optim.SGD over net.parameters(): the weight is
#   decayed twice, and the bias is decayed too. Realistic user mistake.
import numpy as np
import torch
import torch.utils.data as Data
from torch import nn
from torch.nn import init
import torch.optim as optim

num_inputs = 200
n_train = 20
true_w, true_b = np.ones(num_inputs) * 0.01, 0.05
features = np.random.normal(0, 1, (n_train + 100, num_inputs)).astype(np.float32)
labels = features @ true_w + true_b + np.random.normal(0, 0.01, n_train + 100)
features = (features - features[:n_train].mean(0)) / features[:n_train].std(0)

train_set = Data.TensorDataset(torch.from_numpy(features[:n_train]),
                               torch.from_numpy(labels[:n_train].astype(np.float32)))
train_iter = Data.DataLoader(train_set, batch_size=5, shuffle=True)

net = nn.Sequential(nn.Linear(num_inputs, 1))
init.normal_(net[0].weight, mean=0, std=1)
init.constant_(net[0].bias, val=0)
loss = nn.MSELoss()
lambd = 3.0

optimizer = optim.SGD(
    net.parameters(),  # expect: WD203
    lr=0.003,
    weight_decay=lambd)


def l2_penalty(w):
    return (w ** 2).sum() / 2


for epoch in range(100):
    for X, y in train_iter:
        optimizer.zero_grad()
        l = loss(net(X).squeeze(-1), y) + lambd * l2_penalty(net[0].weight)  # expect: WD201
        l.backward()
        optimizer.step()
    if (epoch + 1) % 20 == 0:
        print(epoch + 1, float(l), float(net[0].weight.norm()))

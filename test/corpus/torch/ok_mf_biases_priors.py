# Idiom seen in: khanhnamle1994/MetaRec Matrix-Factorization-Experiments/MF-Biases/MFBiases.py
# Idiom seen in: khanhnamle1994/MetaRec Matrix-Factorization-Experiments/MF-Biases/train.py
# What it reproduces: MF with user/item bias tables and L2 priors (c_vector on the factor tables, c_bias
#   on the bias tables) ADDED to the MSE that loss() returns and backward() differentiates; Adam carries no
#   weight decay, so each table is regularized once. Clean.
import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

from loader import Loader


def l2_regularize(array):
    return torch.sum(array ** 2.0)


class MF(nn.Module):
    itr = 0

    def __init__(self, n_user, n_item, k=18, c_vector=1.0, c_bias=1.0, writer=None):
        super(MF, self).__init__()
        self.writer = writer
        self.c_vector = c_vector
        self.c_bias = c_bias
        self.user = nn.Embedding(n_user, k)
        self.item = nn.Embedding(n_item, k)
        self.bias_user = nn.Embedding(n_user, 1)
        self.bias_item = nn.Embedding(n_item, 1)
        self.bias = nn.Parameter(torch.ones(1))

    def __call__(self, train_x):
        user_id = train_x[:, 0]
        item_id = train_x[:, 1]
        ui_interaction = torch.sum(self.user(user_id) * self.item(item_id), dim=1)
        biases = self.bias + self.bias_user(user_id).squeeze() + self.bias_item(item_id).squeeze()
        return ui_interaction + biases

    def loss(self, prediction, target):
        loss_mse = F.mse_loss(prediction.squeeze(), target.squeeze())
        prior_bias_user = l2_regularize(self.bias_user.weight) * self.c_bias
        prior_bias_item = l2_regularize(self.bias_item.weight) * self.c_bias
        prior_user = l2_regularize(self.user.weight) * self.c_vector
        prior_item = l2_regularize(self.item.weight) * self.c_vector
        total = loss_mse + prior_user + prior_item + prior_bias_user + prior_bias_item
        if self.writer is not None:
            self.writer.add_scalar('total', total, self.itr)
        return total


full_data = np.load('../../ml-1m/dataset.npz')
train_x = full_data['train_x'].astype(np.int64)
train_y = full_data['train_y']
n_user = int(full_data['n_user'])
n_item = int(full_data['n_item'])

model = MF(n_user, n_item, k=10, c_vector=1e-6, c_bias=1e-6)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
train_loader = Loader(train_x, train_y, batchsize=1024)

for epoch in range(50):
    for x, y in train_loader:
        optimizer.zero_grad()
        loss = model.loss(model(x), y)
        loss.backward()
        optimizer.step()
        model.itr += 1

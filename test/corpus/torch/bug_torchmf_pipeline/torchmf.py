# Idiom seen in: EthanRosenthal/torchmf torchmf.py
# What it reproduces: a matrix-factorization pipeline that takes the optimizer CLASS and a weight_decay from
#   its caller and builds optimizer(self.model.parameters(), weight_decay=...). The explicit-feedback model
#   keeps per-user/per-item bias embeddings, so every call with a positive decay also decays the biases.
import collections

import numpy as np
import torch
from torch import nn
import torch.utils.data as data


class Interactions(data.Dataset):
    def __init__(self, mat):
        self.mat = mat.astype(np.float32).tocoo()
        self.n_users = self.mat.shape[0]
        self.n_items = self.mat.shape[1]

    def __getitem__(self, index):
        return (self.mat.row[index], self.mat.col[index]), self.mat.data[index]

    def __len__(self):
        return self.mat.nnz


class BaseModule(nn.Module):
    def __init__(self, n_users, n_items, n_factors=40, dropout_p=0, sparse=False):
        super().__init__()
        self.user_biases = nn.Embedding(n_users, 1, sparse=sparse)
        self.item_biases = nn.Embedding(n_items, 1, sparse=sparse)
        self.user_embeddings = nn.Embedding(n_users, n_factors, sparse=sparse)
        self.item_embeddings = nn.Embedding(n_items, n_factors, sparse=sparse)
        self.dropout = nn.Dropout(p=dropout_p)

    def forward(self, users, items):
        ues = self.dropout(self.user_embeddings(users))
        uis = self.dropout(self.item_embeddings(items))
        preds = self.user_biases(users) + self.item_biases(items)
        preds += (ues * uis).sum(dim=1, keepdim=True)
        return preds.squeeze()


class BasePipeline:
    def __init__(self, train, test=None, model=BaseModule, n_factors=40, batch_size=32,
                 dropout_p=0.02, sparse=False, lr=0.01, weight_decay=0.,
                 optimizer=torch.optim.Adam, loss_function=nn.MSELoss(reduction='sum'),
                 n_epochs=10, verbose=False, random_seed=None):
        self.train = train
        self.test = test
        self.train_loader = data.DataLoader(Interactions(train), batch_size=batch_size, shuffle=True)
        self.n_users, self.n_items = train.shape
        self.lr = lr
        self.weight_decay = weight_decay
        self.loss_function = loss_function
        self.n_epochs = n_epochs
        if sparse:
            assert weight_decay == 0.0
        self.model = model(self.n_users, self.n_items, n_factors=n_factors,
                           dropout_p=dropout_p, sparse=sparse)
        self.optimizer = optimizer(self.model.parameters(),  # expect: WD203
                                   lr=self.lr,
                                   weight_decay=self.weight_decay)  # expect: WD202
        self.losses = collections.defaultdict(list)
        self.verbose = verbose
        if random_seed is not None:
            torch.manual_seed(random_seed)
            np.random.seed(random_seed)

    def fit(self):
        for epoch in range(1, self.n_epochs + 1):
            self.model.train()
            total_loss = torch.Tensor([0])
            for batch_idx, ((row, col), val) in enumerate(self.train_loader):
                self.optimizer.zero_grad()
                preds = self.model(row.long(), col.long())
                loss = self.loss_function(preds, val.float())
                loss.backward()
                self.optimizer.step()
                total_loss += loss.item()
            self.losses['train'].append(total_loss[0] / len(self.train_loader.dataset))
            if self.verbose:
                print('Epoch: {}\t{:.5f}'.format(epoch, self.losses['train'][-1]))

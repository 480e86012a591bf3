# Idiom seen in: PetarV-/DGI execute.py
# What it reproduces: Deep Graph Infomax (self-supervised graph embedding) with Adam(weight_decay=l2_coef) where
# l2_coef = 0.0, then a linear probe with weight_decay=0.0. Clean: both optimizers carry no decay.
import numpy as np
import scipy.sparse as sp
import torch
import torch.nn as nn

from models import DGI, LogReg
from utils import process

dataset = 'cora'

# training params
batch_size = 1
nb_epochs = 10000
patience = 20
lr = 0.001
l2_coef = 0.0
hid_units = 512
sparse = True
nonlinearity = 'prelu'

adj, features, labels, idx_train, idx_val, idx_test = process.load_data(dataset)
features, _ = process.preprocess_features(features)
nb_nodes, ft_size, nb_classes = features.shape[0], features.shape[1], labels.shape[1]
adj = process.normalize_adj(adj + sp.eye(adj.shape[0]))
sp_adj = process.sparse_mx_to_torch_sparse_tensor(adj)
features = torch.FloatTensor(features[np.newaxis])
labels = torch.FloatTensor(labels[np.newaxis])

model = DGI(ft_size, hid_units, nonlinearity)
optimiser = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=l2_coef)

b_xent = nn.BCEWithLogitsLoss()
xent = nn.CrossEntropyLoss()
cnt_wait, best = 0, 1e9

for epoch in range(nb_epochs):
    model.train()
    optimiser.zero_grad()
    idx = np.random.permutation(nb_nodes)
    shuf_fts = features[:, idx, :]
    lbl = torch.cat((torch.ones(batch_size, nb_nodes), torch.zeros(batch_size, nb_nodes)), 1)
    logits = model(features, shuf_fts, sp_adj, sparse, None, None, None)
    loss = b_xent(logits, lbl)
    if loss < best:
        best, cnt_wait = loss, 0
        torch.save(model.state_dict(), 'best_dgi.pkl')
    else:
        cnt_wait += 1
    if cnt_wait == patience:
        break
    loss.backward()
    optimiser.step()

model.load_state_dict(torch.load('best_dgi.pkl'))
embeds, _ = model.embed(features, sp_adj, sparse, None)
train_embs, test_embs = embeds[0, idx_train], embeds[0, idx_test]
train_lbls = torch.argmax(labels[0, idx_train], dim=1)
test_lbls = torch.argmax(labels[0, idx_test], dim=1)

accs = []
for _ in range(50):
    log = LogReg(hid_units, nb_classes)
    opt = torch.optim.Adam(log.parameters(), lr=0.01, weight_decay=0.0)
    for _ in range(100):
        log.train()
        opt.zero_grad()
        loss = xent(log(train_embs), train_lbls)
        loss.backward()
        opt.step()
    preds = torch.argmax(log(test_embs), dim=1)
    accs.append(torch.sum(preds == test_lbls).float() / test_lbls.shape[0])
print(torch.stack(accs).mean())

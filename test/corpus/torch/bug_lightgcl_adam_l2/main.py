# Idiom seen in: HKUDS/LightGCL main.py
# Idiom seen in: HKUDS/LightGCL parser.py
# What it reproduces: the script-style trainer: hyperparameters pulled from `parser.args`, SVD of the
#   adjacency, then torch.optim.Adam(model.parameters(), weight_decay=lambda_2, lr=lr): the L2 weight
#   goes in as Adam's coupled weight_decay (the repository's own wiring at this version).
import pickle

import numpy as np
import torch

from model import LightGCL
from parser import args
from utils import scipy_sparse_mat_to_torch_sparse_tensor

d = args.d
l = args.gnn_layer
temp = args.temp
batch_user = args.batch
epoch_no = args.epoch
lambda_1 = args.lambda1
lambda_2 = args.lambda2
dropout = args.dropout
lr = args.lr

path = 'data/' + args.data + '/'
train = pickle.load(open(path + 'trnMat.pkl', 'rb'))
train_csr = (train != 0).astype(np.float32)
adj = scipy_sparse_mat_to_torch_sparse_tensor(train).coalesce()
svd_u, s, svd_v = torch.svd_lowrank(adj, q=args.q)
u_mul_s = svd_u @ torch.diag(s)
v_mul_s = svd_v @ torch.diag(s)
adj_norm = scipy_sparse_mat_to_torch_sparse_tensor(train).coalesce()

model = LightGCL(adj_norm.shape[0], adj_norm.shape[1], d, u_mul_s, v_mul_s, svd_u.T, svd_v.T, adj_norm,
                 l, temp, lambda_1, dropout, batch_user)
optimizer = torch.optim.Adam(model.parameters(), weight_decay=lambda_2, lr=lr)  # expect: WD202

for epoch in range(epoch_no):
    e_users = np.random.permutation(adj_norm.shape[0])
    batch_no = int(np.ceil(len(e_users) / batch_user))
    epoch_loss = 0
    for batch in range(batch_no):
        uids = torch.LongTensor(e_users[batch * batch_user:(batch + 1) * batch_user])
        pos = torch.LongTensor([np.random.choice(train_csr[u].indices) for u in uids.numpy()])
        neg = torch.randint(0, adj_norm.shape[1], pos.shape)
        optimizer.zero_grad()
        loss, loss_r, loss_s = model(uids, pos, neg)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
    print('Epoch:', epoch, 'Loss:', epoch_loss / batch_no)

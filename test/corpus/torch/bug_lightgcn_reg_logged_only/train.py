# Idiom seen in: unhappyh2/Graph_learn src/main.py
# Idiom seen in: unhappyh2/Graph_learn src/data_evaluation/loss_function.py
# What it reproduces: the training loop unpacks (bpr, reg) from bpr_loss, logs their sum, but calls
# bpr.backward(): the embedding L2 term never gets a gradient (WD104 reported in loss_function.py).
import torch
from torch import nn
from tqdm import trange

from data_evaluation.loss_function_helpers import load_edge_index, sample_mini_batch
from loss_function import bpr_loss
from lightgcn_conv import LightGCNConv

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


class LightGCN(nn.Module):
    def __init__(self, num_users, num_items, embedding_dim=64, K=3):
        super().__init__()
        self.num_users, self.num_items = num_users, num_items
        self.users_emb = nn.Embedding(num_users, embedding_dim)
        self.items_emb = nn.Embedding(num_items, embedding_dim)
        nn.init.normal_(self.users_emb.weight, std=0.1)
        nn.init.normal_(self.items_emb.weight, std=0.1)
        self.convs = nn.ModuleList([LightGCNConv() for _ in range(K)])

    def forward(self, edge_index):
        emb_0 = torch.cat([self.users_emb.weight, self.items_emb.weight])
        embs = [emb_0]
        emb_k = emb_0
        for conv in self.convs:
            emb_k = conv(emb_k, edge_index)
            embs.append(emb_k)
        emb_final = torch.stack(embs, dim=1).mean(dim=1)
        users_final, items_final = torch.split(emb_final, [self.num_users, self.num_items])
        return users_final, self.users_emb.weight, items_final, self.items_emb.weight


edge_index, num_users, num_items = load_edge_index('../data/ml-latest-small/ratings.csv')
edge_index = edge_index.to(device)
model = LightGCN(num_users, num_items).to(device)

learning_rate = 1e-3
batch_size = 1024
iterations = 10000
lambda_val = 1e-6
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
losses = []

for it in trange(iterations):
    users_final, users_0, items_final, items_0 = model.forward(edge_index)
    user_idx, pos_idx, neg_idx = sample_mini_batch(batch_size, edge_index)
    bpr, reg = bpr_loss(users_final[user_idx], users_0[user_idx],
                        items_final[pos_idx], items_0[pos_idx],
                        items_final[neg_idx], items_0[neg_idx],
                        lambda_val)
    losses.append((bpr + reg).item())

    optimizer.zero_grad()
    bpr.backward()
    optimizer.step()
    if it % 200 == 0:
        print("iter {} | bpr {:.5f} | reg {:.5f}".format(it, bpr.item(), reg.item()))

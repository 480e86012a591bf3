# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/loss/BPRLoss.py
# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/main.py
# What it reproduces: LightGCN with the L2 term on the layer-0 embeddings built inside a BPRLoss object
# (reg_loss * weight_decay added to the BPR loss that is backpropagated) and Adam WITHOUT weight_decay:
# the decay is applied once, through the loss. Clean.
import torch
from torch import nn


class LightGCN(nn.Module):
    def __init__(self, users_num, items_num, embedding_dim, layers, keep_prob, adj_mat):
        super().__init__()
        self.users_num, self.items_num = users_num, items_num
        self.layers = layers
        self.keep_prob = keep_prob
        self.adj_mat = adj_mat
        self.users_embedding = nn.Embedding(users_num, embedding_dim)
        self.items_embedding = nn.Embedding(items_num, embedding_dim)
        nn.init.normal_(self.users_embedding.weight, std=0.1)
        nn.init.normal_(self.items_embedding.weight, std=0.1)

    def forward(self):
        all_emb = torch.cat([self.users_embedding.weight, self.items_embedding.weight])
        embs = [all_emb]
        for _ in range(self.layers):
            all_emb = torch.sparse.mm(self.adj_mat, all_emb)
            embs.append(all_emb)
        out = torch.mean(torch.stack(embs, dim=1), dim=1)
        users, items = torch.split(out, [self.users_num, self.items_num])
        return users, items

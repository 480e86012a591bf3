# Idiom seen in: boostcampaitech7/level4-recsys-finalproject-hackathon-recsys-05-lv3 src/models/lightgcn.py (the LightGCN model used by src/lightgcn_utils/loss.py)
# What it reproduces: LightGCN's only trainable parameters are the two embedding tables; getEmbedding returns the propagated embeddings and the layer-0 (ego) embeddings that loss.py regularizes.
import torch
from torch import nn


class LightGCN(nn.Module):
    def __init__(self, model_cfg, dataset):
        super().__init__()
        self.num_users = dataset.n_users
        self.num_items = dataset.m_items
        self.latent_dim = model_cfg["latent_dim"]
        self.n_layers = model_cfg["n_layers"]
        self.embedding_user = nn.Embedding(self.num_users, self.latent_dim)
        self.embedding_item = nn.Embedding(self.num_items, self.latent_dim)
        nn.init.normal_(self.embedding_user.weight, std=0.1)
        nn.init.normal_(self.embedding_item.weight, std=0.1)
        self.Graph = dataset.getSparseGraph()

    def computer(self):
        all_emb = torch.cat([self.embedding_user.weight, self.embedding_item.weight])
        embs = [all_emb]
        for _ in range(self.n_layers):
            all_emb = torch.sparse.mm(self.Graph, all_emb)
            embs.append(all_emb)
        light_out = torch.mean(torch.stack(embs, dim=1), dim=1)
        return torch.split(light_out, [self.num_users, self.num_items])

    def getUsersRating(self, users):
        all_users, all_items = self.computer()
        return torch.sigmoid(torch.matmul(all_users[users.long()], all_items.t()))

    def getEmbedding(self, users, pos_items, neg_items):
        all_users, all_items = self.computer()
        users_emb = all_users[users]
        pos_emb = all_items[pos_items]
        neg_emb = all_items[neg_items]
        users_emb_ego = self.embedding_user(users)
        pos_emb_ego = self.embedding_item(pos_items)
        neg_emb_ego = self.embedding_item(neg_items)
        return users_emb, pos_emb, neg_emb, users_emb_ego, pos_emb_ego, neg_emb_ego

# Idiom seen in: HengLuRepos/GNN lightGCN.py
# What it reproduces: LightGCN with only two nn.Embedding tables as trainable parameters (the normalized
# adjacency is a frozen nn.Parameter); bpr_loss is the bare BPR loss, no embedding penalty.
import torch
import torch.nn as nn
import torch.nn.functional as F


class LightGCN(nn.Module):
    def __init__(self, dataset, config):
        super().__init__()
        self.dataset = dataset
        self.num_user = dataset.get_user_number()
        self.num_item = dataset.get_item_number()
        self.graph = nn.Parameter(dataset.get_graph(), requires_grad=False)
        self.embedding_dim = config.embedding_dim
        self.layers = config.layers
        self.embedding_user = nn.Embedding(num_embeddings=self.num_user, embedding_dim=self.embedding_dim)
        self.embedding_item = nn.Embedding(num_embeddings=self.num_item, embedding_dim=self.embedding_dim)
        nn.init.normal_(self.embedding_user.weight, std=0.1)
        nn.init.normal_(self.embedding_item.weight, std=0.1)

    def propagate(self):
        embed = torch.cat([self.embedding_user.weight, self.embedding_item.weight])
        embs = [embed]
        for _ in range(self.layers):
            embed = torch.sparse.mm(self.graph, embed)
            embs.append(embed)
        out = torch.mean(torch.stack(embs, dim=1), dim=1)
        users, items = torch.split(out, [self.num_user, self.num_item])
        return users, items

    def forward(self, users, items):
        user_emb, item_emb = self.propagate()
        return torch.mul(user_emb[users], item_emb[items]).sum(dim=1)

    def bpr_loss(self, users, pos_items, neg_items):
        user_embs, item_embs = self.propagate()
        loss = 0.0
        for index, user in enumerate(users):
            user_emb = user_embs[user]
            yui = torch.mul(user_emb, item_embs[pos_items[index]]).sum(axis=1)
            yuj = torch.mul(user_emb, item_embs[neg_items[index]]).sum(axis=1, keepdim=True)
            loss += F.softplus(yuj - yui).mean()
        return loss

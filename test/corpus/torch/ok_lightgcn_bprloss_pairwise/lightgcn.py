# Idiom seen in: lucapantea/LightGCN code/models/LightGCN.py
# What it reproduces: LightGCN with user/item nn.Embedding tables and mean-of-layers propagation.
import torch
from torch import nn


class LightGCN(nn.Module):
    def __init__(self, config, dataset):
        super().__init__()
        self.num_users, self.num_items = dataset.n_users, dataset.m_items
        self.n_layers = config['lightGCN_n_layers']
        self.embedding_user = nn.Embedding(self.num_users, config['latent_dim_rec'])
        self.embedding_item = nn.Embedding(self.num_items, config['latent_dim_rec'])
        nn.init.normal_(self.embedding_user.weight, std=0.1)
        nn.init.normal_(self.embedding_item.weight, std=0.1)
        self.graph = dataset.get_sparse_graph()

    def forward(self):
        all_emb = torch.cat([self.embedding_user.weight, self.embedding_item.weight])
        embs = [all_emb]
        for _ in range(self.n_layers):
            all_emb = torch.sparse.mm(self.graph, all_emb)
            embs.append(all_emb)
        out = torch.stack(embs, dim=1).mean(dim=1)
        return torch.split(out, [self.num_users, self.num_items])

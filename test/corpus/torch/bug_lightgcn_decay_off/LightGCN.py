# Idiom seen in: gzy02/LightGCN-PyTorch LightGCN/LightGCN.py
# What it reproduces: LightGCN with per-layer weights alpha_k, returning the weighted BPR loss summed over
#   the propagation layers.
import torch
import torch.nn as nn


class LightGCN(nn.Module):
    def __init__(self, origin_data, hidden_dim, n_layers, alpha_k, load_weight):
        super().__init__()
        self.graph = origin_data.norm_adj_matrix
        self.user_num = origin_data.user_num
        self.item_num = origin_data.item_num
        self.n_layers = n_layers + 1
        self.alpha_k = alpha_k
        self.user_embedding = nn.Embedding(self.user_num, hidden_dim)
        self.item_embedding = nn.Embedding(self.item_num, hidden_dim)
        if not load_weight:
            nn.init.xavier_uniform_(self.user_embedding.weight, gain=1)
            nn.init.xavier_uniform_(self.item_embedding.weight, gain=1)

    def LightGCNConvolute(self):
        new_embedding = torch.cat([self.user_embedding.weight, self.item_embedding.weight])
        all_embedding = [new_embedding]
        for _ in range(1, self.n_layers):
            new_embedding = torch.sparse.mm(self.graph, new_embedding)
            all_embedding.append(new_embedding)
        return all_embedding

    def bpr_loss(self, users, pos, neg):
        all_embedding = self.LightGCNConvolute()
        loss = torch.zeros(1, device=self.graph.device)
        for layer in range(self.n_layers):
            all_user, all_item = torch.split(all_embedding[layer], [self.user_num, self.item_num])
            users_emb, pos_emb, neg_emb = all_user[users], all_item[pos], all_item[neg]
            pos_scores = torch.sum(torch.mul(users_emb, pos_emb), dim=1)
            neg_scores = torch.sum(torch.mul(users_emb, neg_emb), dim=1)
            loss += torch.mean(torch.nn.functional.softplus(neg_scores - pos_scores)) * self.alpha_k[layer]
        return loss

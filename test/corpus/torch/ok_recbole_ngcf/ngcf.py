# Idiom seen in: RUCAIBox/RecBole recbole/model/general_recommender/ngcf.py
# What it reproduces: NGCF's calculate_loss adds reg_weight * EmbLoss over the batch's ego embeddings; the run
# config leaves weight_decay at RecBole's default 0.0, so the embedding penalty is the only decay. Clean.
import torch
import torch.nn as nn
import torch.nn.functional as F


class EmbLoss(nn.Module):
    def forward(self, *embeddings):
        emb_loss = torch.zeros(1).to(embeddings[-1].device)
        for embedding in embeddings:
            emb_loss += torch.norm(embedding, p=2) ** 2
        return emb_loss / embeddings[-1].shape[0]


class NGCF(nn.Module):
    def __init__(self, config, dataset):
        super(NGCF, self).__init__()
        self.n_users = dataset.user_num
        self.n_items = dataset.item_num
        self.embedding_size = config['embedding_size']
        self.hidden_size_list = [self.embedding_size] + config['hidden_size_list']
        self.reg_weight = config['reg_weight']
        self.norm_adj_matrix = dataset.norm_adj_matrix
        self.user_embedding = nn.Embedding(self.n_users, self.embedding_size)
        self.item_embedding = nn.Embedding(self.n_items, self.embedding_size)
        self.GNNlayers = nn.ModuleList(
            [nn.Linear(i, o) for i, o in zip(self.hidden_size_list[:-1], self.hidden_size_list[1:])])
        self.reg_loss = EmbLoss()

    def forward(self):
        all_embeddings = torch.cat([self.user_embedding.weight, self.item_embedding.weight], dim=0)
        embeddings_list = [all_embeddings]
        for gnn in self.GNNlayers:
            all_embeddings = F.leaky_relu(gnn(torch.sparse.mm(self.norm_adj_matrix, all_embeddings)))
            embeddings_list.append(F.normalize(all_embeddings, p=2, dim=1))
        ngcf_all = torch.cat(embeddings_list, dim=1)
        return torch.split(ngcf_all, [self.n_users, self.n_items])

    def calculate_loss(self, interaction):
        user, pos_item, neg_item = interaction['user_id'], interaction['item_id'], interaction['neg_item_id']
        user_all, item_all = self.forward()
        u, p, n = user_all[user], item_all[pos_item], item_all[neg_item]
        mf_loss = -F.logsigmoid((u * p).sum(dim=1) - (u * n).sum(dim=1)).mean()
        reg_loss = self.reg_loss(self.user_embedding(user), self.item_embedding(pos_item),
                                 self.item_embedding(neg_item))
        return mf_loss + self.reg_weight * reg_loss

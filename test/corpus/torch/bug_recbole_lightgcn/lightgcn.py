# Idiom seen in: RUCAIBox/RecBole recbole/model/general_recommender/lightgcn.py
# Idiom seen in: RUCAIBox/RecBole recbole/model/loss.py
# What it reproduces: LightGCN's calculate_loss adds reg_weight * EmbLoss over the ego embeddings of the batch;
# with the Trainer's Adam(weight_decay=...) on the same nn.Embedding tables this is double decay (WD201).
import torch
import torch.nn as nn


class BPRLoss(nn.Module):
    def __init__(self, gamma=1e-10):
        super(BPRLoss, self).__init__()
        self.gamma = gamma

    def forward(self, pos_score, neg_score):
        return -torch.log(self.gamma + torch.sigmoid(pos_score - neg_score)).mean()


class EmbLoss(nn.Module):
    def __init__(self, norm=2):
        super(EmbLoss, self).__init__()
        self.norm = norm

    def forward(self, *embeddings):
        emb_loss = torch.zeros(1).to(embeddings[-1].device)
        for embedding in embeddings:
            emb_loss += torch.norm(embedding, p=self.norm) ** 2
        emb_loss /= embeddings[-1].shape[0]
        return emb_loss


class LightGCN(nn.Module):
    def __init__(self, config, dataset):
        super(LightGCN, self).__init__()
        self.n_users = dataset.user_num
        self.n_items = dataset.item_num
        self.latent_dim = config['embedding_size']
        self.n_layers = config['n_layers']
        self.reg_weight = config['reg_weight']
        self.norm_adj_matrix = dataset.norm_adj_matrix
        self.user_embedding = nn.Embedding(self.n_users, self.latent_dim)
        self.item_embedding = nn.Embedding(self.n_items, self.latent_dim)
        self.mf_loss = BPRLoss()
        self.reg_loss = EmbLoss()

    def get_ego_embeddings(self):
        return torch.cat([self.user_embedding.weight, self.item_embedding.weight], dim=0)

    def forward(self):
        all_embeddings = self.get_ego_embeddings()
        embeddings_list = [all_embeddings]
        for _ in range(self.n_layers):
            all_embeddings = torch.sparse.mm(self.norm_adj_matrix, all_embeddings)
            embeddings_list.append(all_embeddings)
        lightgcn_all = torch.mean(torch.stack(embeddings_list, dim=1), dim=1)
        return torch.split(lightgcn_all, [self.n_users, self.n_items])

    def calculate_loss(self, interaction):
        user = interaction['user_id']
        pos_item = interaction['item_id']
        neg_item = interaction['neg_item_id']
        user_all, item_all = self.forward()
        pos_scores = torch.mul(user_all[user], item_all[pos_item]).sum(dim=1)
        neg_scores = torch.mul(user_all[user], item_all[neg_item]).sum(dim=1)
        mf_loss = self.mf_loss(pos_scores, neg_scores)
        u_ego = self.user_embedding(user)
        pos_ego = self.item_embedding(pos_item)
        neg_ego = self.item_embedding(neg_item)
        loss = mf_loss + self.reg_weight * self.reg_loss(u_ego, pos_ego, neg_ego)  # expect: WD201
        return loss

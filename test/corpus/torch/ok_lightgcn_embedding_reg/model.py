# Idiom seen in: gusye1234/LightGCN-PyTorch code/model.py (LightGCN.computer, getEmbedding, bpr_loss)
# What it reproduces: LightGCN: two embedding tables propagated over a normalized sparse graph; bpr_loss
# returns the BPR loss and `reg_loss`, half the squared norm of the layer-0 embeddings of the batch.
# label-note: clean (see utils.py). The penalty covers only embedding rows; the model has no biases/norms.
import torch
import torch.nn.functional as F
from torch import nn


class LightGCN(nn.Module):
    def __init__(self, config: dict, dataset):
        super().__init__()
        self.num_users, self.num_items = dataset.n_users, dataset.m_items
        self.n_layers = config['lightGCN_n_layers']
        self.embedding_user = nn.Embedding(self.num_users, config['latent_dim_rec'])
        self.embedding_item = nn.Embedding(self.num_items, config['latent_dim_rec'])
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

    def getEmbedding(self, users, pos_items, neg_items):
        all_users, all_items = self.computer()
        return (all_users[users], all_items[pos_items], all_items[neg_items],
                self.embedding_user(users), self.embedding_item(pos_items), self.embedding_item(neg_items))

    def bpr_loss(self, users, pos, neg):
        (users_emb, pos_emb, neg_emb,
         userEmb0, posEmb0, negEmb0) = self.getEmbedding(users.long(), pos.long(), neg.long())
        reg_loss = (1 / 2) * (userEmb0.norm(2).pow(2) +
                              posEmb0.norm(2).pow(2) +
                              negEmb0.norm(2).pow(2)) / float(len(users))
        pos_scores = torch.sum(torch.mul(users_emb, pos_emb), dim=1)
        neg_scores = torch.sum(torch.mul(users_emb, neg_emb), dim=1)
        loss = torch.mean(F.softplus(neg_scores - pos_scores))
        return loss, reg_loss

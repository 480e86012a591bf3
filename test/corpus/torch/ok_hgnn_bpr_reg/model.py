# Idiom seen in: xlx0010/HGNN src/model.py
# What it reproduces: bpr_loss returns (bpr loss, L2 of the looked-up embeddings / batch, assignment entropy);
#   the caller weights and adds all three (clean).
import torch
import torch.nn as nn
import torch.nn.functional as F


class MyModel(nn.Module):
    def __init__(self, dim_node, dim_hidden, n_assign, num_items_all, **kwargs):
        super(MyModel, self).__init__()
        self.embedding_item = nn.Embedding(num_embeddings=num_items_all + 1, embedding_dim=dim_node)
        nn.init.normal_(self.embedding_item.weight, std=0.1)
        self.assign = nn.Linear(dim_node, n_assign)
        self.parent_proj = nn.Linear(dim_node, dim_hidden)
        self.out_proj = nn.Linear(dim_hidden, dim_node)

    def prepareEmbFromID(self, Embedding, *ids):
        return [Embedding(i) for i in ids]

    def _user_repr(self, x, adj):
        s = F.softmax(self.assign(torch.bmm(adj, x)), dim=-1)          # (B, n_node, n_assign)
        x_parent = torch.bmm(s.transpose(1, 2), x)                     # (B, n_assign, dim)
        user = self.out_proj(torch.tanh(self.parent_proj(x_parent))).mean(dim=1, keepdim=True)
        return user, s

    def bpr_loss(self, users, candidates):
        x, pos, neg = self.prepareEmbFromID(self.embedding_item, users.history, candidates.pos, candidates.neg)
        user, s = self._user_repr(x, users.adj)
        pos_scores = (user * pos).sum(-1)
        neg_scores = (user * neg).sum(-1)
        loss = torch.mean(F.softplus(neg_scores - pos_scores))

        batch_size, n_node = s.size()[0], s.size()[1]
        loss_entropy = (-torch.sum(s * torch.log(s + 1e-12))) / (batch_size * n_node)

        loss_reg = (1 / 2) * (x.norm(2).pow(2) + pos.norm(2).pow(2) + neg.norm(2).pow(2)) / float(batch_size)
        return loss, loss_reg, loss_entropy

# Idiom seen in: MingshiYan/BIPN utils.py
# Idiom seen in: MingshiYan/BIPN model.py
# Idiom seen in: MingshiYan/BIPN trainer.py
# What it reproduces: clean twin of the BIPN recommender: the embedding tables are regularized only by the
#   reg_weight * EmbLoss term in the loss; the Trainer builds Adam without weight_decay, so nothing is
#   decayed twice and there is no coupled Adam decay.
import torch
import torch.nn as nn

from data_set import DataSet


class EmbLoss(nn.Module):
    """ EmbLoss, regularization on embeddings """

    def __init__(self, norm=2):
        super(EmbLoss, self).__init__()
        self.norm = norm

    def forward(self, *embeddings):
        emb_loss = 0
        for embedding in embeddings:
            emb_loss += torch.norm(embedding, p=self.norm).pow(2) / embedding.shape[0]
        return emb_loss


class BIPN(nn.Module):
    def __init__(self, args, dataset: DataSet):
        super(BIPN, self).__init__()
        self.reg_weight = args.reg_weight
        self.n_users = dataset.user_count
        self.n_items = dataset.item_count
        self.user_embedding = nn.Embedding(self.n_users + 1, args.embedding_size, padding_idx=0)
        self.item_embedding = nn.Embedding(self.n_items + 1, args.embedding_size, padding_idx=0)
        self.U = nn.Linear(2 * args.embedding_size, args.embedding_size, bias=False)
        self.emb_loss = EmbLoss()
        nn.init.xavier_uniform_(self.user_embedding.weight)
        nn.init.xavier_uniform_(self.item_embedding.weight)

    def forward(self, batch_data):
        users, pos, neg = batch_data[:, 0].long(), batch_data[:, 1].long(), batch_data[:, 2].long()
        u = self.user_embedding(users)
        p_emb, n_emb = self.item_embedding(pos), self.item_embedding(neg)
        u_p = torch.tanh(self.U(torch.cat((u, p_emb), dim=-1)))
        u_n = torch.tanh(self.U(torch.cat((u, n_emb), dim=-1)))
        p_scores = torch.sum(u_p * p_emb, dim=-1)
        n_scores = torch.sum(u_n * n_emb, dim=-1)
        bpr_loss = -torch.log(1e-10 + torch.sigmoid(p_scores - n_scores)).mean()
        emb_loss = self.emb_loss(self.user_embedding.weight, self.item_embedding.weight)
        return bpr_loss + self.reg_weight * emb_loss

# Idiom seen in: jrzaurin/RecoTour neural_graph_cf/ngcf.py
# What it reproduces: BPR and NGCF modules whose forward returns the BPR loss directly; when self.reg > 0 the
#   forward adds reg * (sum of squared batch embeddings / 2) / batch to that loss.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class BPR(nn.Module):
    def __init__(self, n_users, n_items, emb_dim, reg):
        super().__init__()
        self.u_g_embeddings = nn.Parameter(torch.rand(n_users, emb_dim))
        self.i_g_embeddings = nn.Parameter(torch.rand(n_items, emb_dim))
        self.reg = reg
        for n, p in self.named_parameters():
            nn.init.xavier_uniform_(p)

    def forward(self, u, i, j):
        u_emb = self.u_g_embeddings[u]
        p_emb = self.i_g_embeddings[i]
        n_emb = self.i_g_embeddings[j]
        y_ui = torch.mul(u_emb, p_emb).sum(dim=1)
        y_uj = torch.mul(u_emb, n_emb).sum(dim=1)
        log_prob = (torch.log(torch.sigmoid(y_ui - y_uj))).mean()
        bpr_loss = -log_prob
        if self.reg > 0.0:
            l2norm = (torch.sum(u_emb ** 2) / 2.0 + torch.sum(p_emb ** 2) / 2.0
                      + torch.sum(n_emb ** 2) / 2.0) / u_emb.shape[0]
            l2reg = self.reg * l2norm
            bpr_loss = -log_prob + l2reg
        return bpr_loss


class NGCF(nn.Module):
    def __init__(self, n_users, n_items, emb_dim, layers, reg, mess_dropout, adj_mtx):
        super().__init__()
        self.n_users, self.n_items = n_users, n_items
        self.adj_mtx = adj_mtx
        self.reg = reg
        self.n_layers = len(layers)
        self.mess_dropout = mess_dropout
        self.u_embeddings = nn.Parameter(torch.rand(n_users, emb_dim))
        self.i_embeddings = nn.Parameter(torch.rand(n_items, emb_dim))
        self.W1 = nn.ModuleList()
        self.W2 = nn.ModuleList()
        features = [emb_dim] + layers
        for k in range(1, len(features)):
            self.W1.append(nn.Linear(features[k - 1], features[k]))
            self.W2.append(nn.Linear(features[k - 1], features[k]))
        for n, p in self.named_parameters():
            if "bias" not in n:
                nn.init.xavier_uniform_(p)

    def forward(self, u, i, j):
        ego_embeddings = torch.cat([self.u_embeddings, self.i_embeddings], 0)
        pred_embeddings = [ego_embeddings]
        for k in range(self.n_layers):
            side = torch.sparse.mm(self.adj_mtx, ego_embeddings)
            t1 = self.W1[k](side)
            t2 = self.W2[k](ego_embeddings.mul(side))
            ego_embeddings = nn.Dropout(self.mess_dropout[k])(F.leaky_relu(t1 + t2))
            pred_embeddings.append(F.normalize(ego_embeddings, p=2, dim=1))
        u_g_embeddings, i_g_embeddings = torch.cat(pred_embeddings, 1).split([self.n_users, self.n_items], 0)
        u_emb, p_emb, n_emb = u_g_embeddings[u], i_g_embeddings[i], i_g_embeddings[j]
        y_ui = torch.mul(u_emb, p_emb).sum(dim=1)
        y_uj = torch.mul(u_emb, n_emb).sum(dim=1)
        log_prob = (torch.log(torch.sigmoid(y_ui - y_uj))).mean()
        bpr_loss = -log_prob
        if self.reg > 0.0:
            l2norm = (torch.sum(u_emb ** 2) / 2.0 + torch.sum(p_emb ** 2) / 2.0
                      + torch.sum(n_emb ** 2) / 2.0) / u_emb.shape[0]
            l2reg = self.reg * l2norm
            bpr_loss = -log_prob + l2reg
        return bpr_loss

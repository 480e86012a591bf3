# Idiom seen in: HKUDS/LightGCL model.py
# What it reproduces: a graph contrastive recommender whose parameters are bare embedding tables and
#   square projection matrices (nn.Parameter, no biases, no norms); forward returns (loss, loss_r, loss_s)
#   with no L2 term: the L2 is left to the optimizer.
import torch
import torch.nn as nn

from utils import sparse_dropout, spmm


class W_contrastive(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.W = nn.Parameter(nn.init.xavier_uniform_(torch.empty(d, d)))

    def forward(self, x):
        return x @ self.W


class LightGCL(nn.Module):
    def __init__(self, n_u, n_i, d, u_mul_s, v_mul_s, ut, vt, adj_norm, l, temp, lambda_1, dropout, batch_user):
        super().__init__()
        self.E_u_0 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(n_u, d)))
        self.E_i_0 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(n_i, d)))
        self.adj_norm = adj_norm
        self.l = l
        self.temp = temp
        self.lambda_1 = lambda_1
        self.dropout = dropout
        self.batch_user = batch_user
        self.act = nn.LeakyReLU(0.5)
        self.Ws = nn.ModuleList([W_contrastive(d) for _ in range(l)])
        self.u_mul_s, self.v_mul_s, self.ut, self.vt = u_mul_s, v_mul_s, ut, vt

    def forward(self, uids, pos, neg):
        E_u, E_i = [self.E_u_0], [self.E_i_0]
        Z_u, Z_i, G_u, G_i = [None], [None], [None], [None]
        for layer in range(1, self.l + 1):
            Z_u.append(self.act(spmm(sparse_dropout(self.adj_norm, self.dropout), E_i[layer - 1])))
            Z_i.append(self.act(spmm(sparse_dropout(self.adj_norm, self.dropout).transpose(0, 1), E_u[layer - 1])))
            G_u.append(self.act(self.u_mul_s @ (self.vt @ E_i[layer - 1])))
            G_i.append(self.act(self.v_mul_s @ (self.ut @ E_u[layer - 1])))
            E_u.append(Z_u[layer] + E_u[layer - 1])
            E_i.append(Z_i[layer] + E_i[layer - 1])
        e_u, e_i = sum(E_u), sum(E_i)

        loss_s = 0
        for l in range(1, self.l + 1):
            gnn_u = nn.functional.normalize(Z_u[l][uids], p=2, dim=1)
            hyper_u = self.Ws[l - 1](nn.functional.normalize(G_u[l][uids], p=2, dim=1))
            pos_score = torch.exp((gnn_u * hyper_u).sum(1) / self.temp)
            neg_score = torch.exp(gnn_u @ hyper_u.T / self.temp).sum(1)
            loss_s = loss_s + (-torch.log(pos_score / (neg_score + 1e-8) + 1e-8)).sum()

        pos_scores = (e_u[uids] * e_i[pos]).sum(-1)
        neg_scores = (e_u[uids] * e_i[neg]).sum(-1)
        loss_r = -(pos_scores - neg_scores).sigmoid().log().mean()
        loss = loss_r + self.lambda_1 * loss_s
        return loss, loss_r, loss_s

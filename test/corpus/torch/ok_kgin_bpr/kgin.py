# Idiom seen in: huangtinglin/Knowledge_Graph_based_Intent_Network modules/KGIN.py
# Idiom seen in: huangtinglin/Knowledge_Graph_based_Intent_Network main.py
# What it reproduces: the Recommender forward returns mf_loss + emb_loss + cor_loss (emb_loss = decay * ||e||^2/2 / batch)
#   as its first item and main.py backpropagates exactly that; Adam has no weight_decay: clean.
import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphConv(nn.Module):
    def __init__(self, channel, n_hops, n_factors, interact_mat):
        super().__init__()
        self.n_hops = n_hops
        self.interact_mat = interact_mat
        self.disen_weight_att = nn.Parameter(nn.init.xavier_uniform_(torch.empty(n_factors, channel)))

    def _cul_cor(self):
        normalized = F.normalize(self.disen_weight_att, dim=1)
        sim = normalized @ normalized.t()
        return (sim - torch.diag(torch.diag(sim))).pow(2).sum() / 2

    def forward(self, user_emb, entity_emb):
        user_res, entity_res = user_emb, entity_emb
        for _ in range(self.n_hops):
            user_emb = F.normalize(torch.sparse.mm(self.interact_mat, entity_emb))
            entity_emb = F.normalize(torch.sparse.mm(self.interact_mat.t(), user_emb))
            user_res, entity_res = user_res + user_emb, entity_res + entity_emb
        return entity_res, user_res, self._cul_cor()


class Recommender(nn.Module):
    def __init__(self, data_config, args_config, interact_mat):
        super().__init__()
        self.n_users = data_config['n_users']
        self.n_nodes = data_config['n_nodes']
        self.decay = args_config.l2
        self.sim_decay = args_config.sim_regularity
        self.all_embed = nn.Parameter(nn.init.xavier_uniform_(torch.empty(self.n_nodes, args_config.dim)))
        self.gcn = GraphConv(args_config.dim, args_config.context_hops, args_config.n_factors, interact_mat)

    def forward(self, batch):
        user_emb = self.all_embed[:self.n_users, :]
        item_emb = self.all_embed[self.n_users:, :]
        entity_gcn_emb, user_gcn_emb, cor = self.gcn(user_emb, item_emb)
        u_e = user_gcn_emb[batch['users']]
        pos_e, neg_e = entity_gcn_emb[batch['pos_items']], entity_gcn_emb[batch['neg_items']]
        return self.create_bpr_loss(u_e, pos_e, neg_e, cor)

    def create_bpr_loss(self, users, pos_items, neg_items, cor):
        batch_size = users.shape[0]
        pos_scores = torch.sum(torch.mul(users, pos_items), axis=1)
        neg_scores = torch.sum(torch.mul(users, neg_items), axis=1)
        mf_loss = -1 * torch.mean(nn.LogSigmoid()(pos_scores - neg_scores))
        # cul regularizer
        regularizer = (torch.norm(users) ** 2 + torch.norm(pos_items) ** 2 + torch.norm(neg_items) ** 2) / 2
        emb_loss = self.decay * regularizer / batch_size
        cor_loss = self.sim_decay * cor
        return mf_loss + emb_loss + cor_loss, mf_loss, emb_loss, cor

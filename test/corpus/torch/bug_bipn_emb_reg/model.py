# Idiom seen in: MingshiYan/BIPN utils.py
# Idiom seen in: MingshiYan/BIPN model.py
# Idiom seen in: MingshiYan/BIPN trainer.py
# What it reproduces: multi-behaviour recommender whose loss adds reg_weight * EmbLoss(user/item tables)
#   (squared norms, RecBole-style require_pow) while the Trainer's Adam also gets weight_decay=args.decay:
#   the embedding tables are decayed twice, once coupled through Adam. The model has no biases or norms.
import torch
import torch.nn as nn

from data_set import DataSet
from utils import BPRLoss, EmbLoss


class BIPN(nn.Module):
    def __init__(self, args, dataset: DataSet):
        super(BIPN, self).__init__()
        self.device = args.device
        self.reg_weight = args.reg_weight
        self.log_reg = args.log_reg
        self.n_users = dataset.user_count
        self.n_items = dataset.item_count
        self.behaviors = args.behaviors
        self.embedding_size = args.embedding_size
        self.user_embedding = nn.Embedding(self.n_users + 1, self.embedding_size, padding_idx=0)
        self.item_embedding = nn.Embedding(self.n_items + 1, self.embedding_size, padding_idx=0)
        self.bhv_embs = nn.Parameter(torch.eye(len(self.behaviors)))
        in_dim = 2 * self.embedding_size + len(self.behaviors)
        self.RZ = nn.Linear(in_dim, 2 * self.embedding_size, bias=False)
        self.U = nn.Linear(in_dim, self.embedding_size, bias=False)
        self.bpr_loss = BPRLoss()
        self.emb_loss = EmbLoss()
        self.cross_loss = nn.BCELoss()
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, nn.Embedding):
            nn.init.xavier_uniform_(module.weight.data)
        elif isinstance(module, nn.Linear):
            nn.init.xavier_normal_(module.weight.data)

    def agg_info(self, u_emb, i_emb, bhv_emb):
        in_feature = torch.cat((u_emb, i_emb, bhv_emb), dim=-1)
        R, Z = torch.chunk(torch.sigmoid(self.RZ(in_feature)), 2, dim=-1)
        RU = torch.cat((R * u_emb, i_emb, bhv_emb), dim=-1)
        return Z * torch.tanh(self.U(RU))

    def forward(self, batch_data):
        u_sample, i_samples, b_samples, gt_samples = torch.chunk(batch_data[:, 0, :], 4, dim=-1)
        u_emb = self.user_embedding(u_sample.long()).squeeze(1)
        i_emb = self.item_embedding(i_samples.long()).squeeze(1)
        bhv_emb = self.bhv_embs[b_samples.reshape(-1).long()]
        u_final = self.agg_info(u_emb, i_emb, bhv_emb)
        scores = torch.sum(u_final * i_emb, dim=-1, keepdim=True)
        log_loss = self.cross_loss(torch.sigmoid(scores), gt_samples.float())

        pair = batch_data[:, -1, :3].long()
        u = self.user_embedding(pair[:, 0])
        p_scores = torch.sum(u * self.item_embedding(pair[:, 1]), dim=-1)
        n_scores = torch.sum(u * self.item_embedding(pair[:, 2]), dim=-1)
        bpr_loss = self.bpr_loss(p_scores, n_scores)

        emb_loss = self.emb_loss(self.user_embedding.weight, self.item_embedding.weight)
        loss = self.log_reg * log_loss + (1 - self.log_reg) * bpr_loss + self.reg_weight * emb_loss
        return loss

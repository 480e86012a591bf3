# Idiom seen in: biandh/KDDCup2021_WikiKG90M_OhMyGod examples/lsc/wikikg90m/dgl-ke-ogb-lsc/python/dglke/train_transE_shallow.sh
# Idiom seen in: biandh/KDDCup2021_WikiKG90M_OhMyGod examples/lsc/wikikg90m/dgl-ke-ogb-lsc/python/dglke/models/pytorch/tensor_models.py
# What it reproduces: dgl-ke style KE model with --regularization_coef; the Regularizer returns (reg, log) and
# the user refactor keeps only the log: the embedding penalty never joins the loss that is backpropagated.
import torch as th
import torch.nn as nn
import torch.nn.functional as F

from .regularizer import Regularizer


class KEModel(nn.Module):
    def __init__(self, args, n_entities, n_relations, hidden_dim, gamma):
        super(KEModel, self).__init__()
        self.args = args
        self.gamma = gamma
        self.entity_emb = nn.Embedding(n_entities, hidden_dim)
        self.relation_emb = nn.Embedding(n_relations, hidden_dim)
        nn.init.uniform_(self.entity_emb.weight, -0.01, 0.01)
        nn.init.uniform_(self.relation_emb.weight, -0.01, 0.01)
        self.regularizer = Regularizer(args.regularization_coef, args.regularization_norm)

    def score(self, head, rel, tail):
        return self.gamma - th.norm(head + rel - tail, p=2, dim=-1)

    def forward(self, pos_h, pos_r, pos_t, neg_t):
        head = self.entity_emb(pos_h)
        rel = self.relation_emb(pos_r)
        tail = self.entity_emb(pos_t)
        neg = self.entity_emb(neg_t)
        pos_score = F.logsigmoid(self.score(head, rel, tail))
        neg_score = F.logsigmoid(-self.score(head.unsqueeze(1), rel.unsqueeze(1), neg)).mean(dim=1)
        loss = -(pos_score.mean() + neg_score.mean()) / 2
        log = {'pos_loss': -pos_score.mean().item(), 'neg_loss': -neg_score.mean().item()}
        reg, reg_log = self.regularizer([head, tail, rel])  # expect: WD104
        log.update(reg_log)
        return loss, log

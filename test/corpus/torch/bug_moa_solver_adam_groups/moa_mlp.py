# Idiom seen in: COMAveJoe/MOA_Baseline modeling/MOA_MLP.py
# What it reproduces: the MoA tabular MLP (category embeddings, BatchNorm1d after every projection) whose
#   parameters solver_build.make_optimizer splits only by the substring "bias".
import torch as t
from torch import nn
from torch.nn import functional as F


class MOA_MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        num_cats = cfg.MODEL.NUM_CATS
        cats_emb_size = cfg.MODEL.CATS_EMB_SIZE
        num_numericals = cfg.MODEL.NUM_NUMERICALS
        hidden = cfg.MODEL.HIDDEN_SIZE
        num_class = cfg.MODEL.NUM_CLASS
        aux = cfg.MODEL.AUX

        self.cat_emb1 = nn.Embedding(num_cats[0], cats_emb_size[0], padding_idx=0)
        self.cat_emb2 = nn.Embedding(num_cats[1], cats_emb_size[1], padding_idx=0)

        self.projection_numericals = nn.Linear(num_numericals, hidden)
        self.norm_numericals = nn.BatchNorm1d(hidden)
        self.dropout = nn.Dropout(0.5)

        self.proj = nn.Linear(sum(cats_emb_size) + hidden, 1024)
        self.norm_proj = nn.BatchNorm1d(1024)

        hd_1 = hidden // 2
        self.extractor = nn.Sequential(nn.Linear(1024, hd_1),
                                       nn.ReLU(),
                                       nn.BatchNorm1d(hd_1),
                                       nn.Dropout(0.25))
        self.cls = nn.Linear(hd_1, num_class)
        self.cls_aux = nn.Linear(hd_1, aux) if aux is not None else None

    def forward(self, x_cat, x_num):
        cat_features = t.cat([self.cat_emb1(x_cat[:, 0]), self.cat_emb2(x_cat[:, 1])], dim=1)
        num_features = self.norm_numericals(F.relu(self.projection_numericals(x_num)))
        all_features = self.dropout(t.cat([cat_features, num_features], dim=1))
        all_features = self.norm_proj(F.relu(self.proj(all_features)))
        features = self.extractor(all_features)
        outputs = self.cls(features)
        if self.cls_aux is not None:
            return outputs, self.cls_aux(features)
        return outputs


def build_model(cfg):
    return MOA_MLP(cfg)

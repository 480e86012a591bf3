# Idiom seen in: ssdxc/nouse config/defaults.py
# Idiom seen in: ssdxc/nouse solver/build.py
# What it reproduces: the repo's own setting: a yacs default _C.TRAIN.WEIGHT_DECAY = 0.0 fed into
# build_optimizer(cfg, model) -> torch Adam(..., weight_decay=cfg.TRAIN.WEIGHT_DECAY). With 0.0 there is no
# coupled L2 and nothing decays; only the LR is overridden from the command line. Clean.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F
from yacs.config import CfgNode as CN

from data import build_dataloader

_C = CN()
_C.MODEL = CN()
_C.MODEL.IN_DIM = 2048
_C.MODEL.HIDDEN = 256
_C.MODEL.NUM_CLASSES = 751
_C.TRAIN = CN()
_C.TRAIN.LR = 1e-3
_C.TRAIN.WEIGHT_DECAY = 0.0
_C.TRAIN.MAX_EPOCH = 50
_C.TRAIN.BATCH_SIZE = 24


class GraphHead(nn.Module):
    def __init__(self, in_dim, hidden, num_classes):
        super().__init__()
        self.proj = nn.Linear(in_dim, hidden)
        self.bn = nn.BatchNorm1d(hidden)
        self.cls = nn.Linear(hidden, num_classes)

    def forward(self, x, adj):
        h = torch.relu(self.bn(self.proj(adj @ x)))
        return self.cls(h)


def build_optimizer(cfg, model):
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.TRAIN.LR, weight_decay=cfg.TRAIN.WEIGHT_DECAY)
    return optimizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
    cfg = _C.clone()
    cfg.TRAIN.LR = args.lr
    cfg.freeze()

    model = GraphHead(cfg.MODEL.IN_DIM, cfg.MODEL.HIDDEN, cfg.MODEL.NUM_CLASSES)
    optimizer = build_optimizer(cfg, model)
    loader = build_dataloader(batch_size=cfg.TRAIN.BATCH_SIZE)
    for epoch in range(cfg.TRAIN.MAX_EPOCH):
        for feats, adj, labels in loader:
            loss = F.cross_entropy(model(feats, adj), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()

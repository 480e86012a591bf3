# Idiom seen in: HKUDS/LightGCL main.py
# What it reproduces: the training loop adds the embedding L2 only `if cfg.REG_WEIGHT > 0`, and the
#   config module sets REG_WEIGHT = 0.0, so the regularization code never runs and Adam has no decay
#   either: the model trains unregularized while looking regularized.
import numpy as np
import torch

import config as cfg
from data_loader import load_interactions, sample_triples
from model import BPRMF


def main():
    n_users, n_items, train_items = load_interactions(cfg.DATASET)
    model = BPRMF(n_users, n_items, cfg.EMBED_DIM)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.LR)
    for epoch in range(cfg.EPOCHS):
        users, pos, neg = sample_triples(train_items, n_items)
        perm = np.random.permutation(len(users))
        total = 0.0
        for start in range(0, len(perm), cfg.BATCH_SIZE):
            idx = perm[start:start + cfg.BATCH_SIZE]
            u = torch.LongTensor(users[idx])
            p = torch.LongTensor(pos[idx])
            n = torch.LongTensor(neg[idx])
            loss, reg_loss = model.bpr_loss(u, p, n)
            if cfg.REG_WEIGHT > 0:  # expect: WD303
                loss = loss + cfg.REG_WEIGHT * reg_loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        print('epoch {} loss {:.4f}'.format(epoch, total))


if __name__ == '__main__':
    main()

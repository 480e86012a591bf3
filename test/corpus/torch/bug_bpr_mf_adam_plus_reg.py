# Idiom seen in: gusye1234/LightGCN-PyTorch code/utils.py (BPRLoss.stageOne) and code/model.py (PureMF.bpr_loss);
# a LightGCN fork's BPRLoss that also passes `weight_decay=self.weight_decay` to Adam.
# What it reproduces: matrix-factorisation BPR where the model returns `reg_loss` (half the squared norm of the
# batch embeddings), stageOne adds `reg_loss * decay`, and the same `decay` is also given to Adam.
# label-note: the embeddings are decayed twice (WD201 on the line computing the explicit penalty) and Adam's
# weight_decay is coupled L2 (WD202). No biases or norms exist (two nn.Embedding tables), so no WD203.
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

from dataloader import Loader, uniform_sample


@dataclass
class Config:
    dataset: str = "gowalla"
    latent_dim_rec: int = 64
    lr: float = 1e-3
    decay: float = 1e-4
    bpr_batch_size: int = 2048
    epochs: int = 1000


class PureMF(nn.Module):
    def __init__(self, config: Config, num_users: int, num_items: int):
        super().__init__()
        self.embedding_user = nn.Embedding(num_users, config.latent_dim_rec)
        self.embedding_item = nn.Embedding(num_items, config.latent_dim_rec)
        nn.init.normal_(self.embedding_user.weight, std=0.1)
        nn.init.normal_(self.embedding_item.weight, std=0.1)

    def bpr_loss(self, users, pos, neg):
        users_emb = self.embedding_user(users.long())
        pos_emb = self.embedding_item(pos.long())
        neg_emb = self.embedding_item(neg.long())
        pos_scores = torch.sum(users_emb * pos_emb, dim=1)
        neg_scores = torch.sum(users_emb * neg_emb, dim=1)
        loss = torch.mean(F.softplus(neg_scores - pos_scores))
        reg_loss = (1 / 2) * (users_emb.norm(2).pow(2) + pos_emb.norm(2).pow(2) + neg_emb.norm(2).pow(2)) / float(len(users))  # expect: WD201
        return loss, reg_loss


class BPRLoss:
    def __init__(self, recmodel: PureMF, config: Config):
        self.model = recmodel
        self.weight_decay = config.decay
        self.lr = config.lr
        self.opt = optim.Adam(recmodel.parameters(), lr=self.lr, weight_decay=self.weight_decay)  # expect: WD202

    def stageOne(self, users, pos, neg):
        loss, reg_loss = self.model.bpr_loss(users, pos, neg)
        reg_loss = reg_loss * self.weight_decay
        loss = loss + reg_loss
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.cpu().item()


def main():
    config = Config()
    dataset = Loader(path="../data/" + config.dataset)
    model = PureMF(config, dataset.n_users, dataset.m_items)
    bpr = BPRLoss(model, config)
    for epoch in range(config.epochs):
        S = torch.from_numpy(uniform_sample(dataset)).long()
        users, pos, neg = S[:, 0], S[:, 1], S[:, 2]
        aver_loss = 0.0
        for i in range(0, len(users), config.bpr_batch_size):
            sl = slice(i, i + config.bpr_batch_size)
            aver_loss += bpr.stageOne(users[sl], pos[sl], neg[sl])
        print(f"EPOCH[{epoch + 1}] loss {aver_loss:.3f}")


if __name__ == "__main__":
    main()

# Idiom seen in: boostcampaitech7/level4-recsys-finalproject-hackathon-recsys-05-lv3 src/lightgcn_utils/loss.py
# What it reproduces: LightGCN's BPRLoss wrapper that builds the optimizer from config (getattr(optim, type)) and scales the ego-embedding L2 by the same weight_decay; here the optimizer is also handed weight_decay, so the embeddings are decayed twice, once as coupled Adam L2. Bug (WD201, WD202).
import torch
import torch.nn.functional as F
import torch.optim as optim


class BPRLoss:
    def __init__(self, recmodel, config):
        opt_cfg = config["optimizer"]
        self.model = recmodel
        self.weight_decay = opt_cfg["args"]["weight_decay"]
        self.lr = opt_cfg["args"]["lr"]
        optimizer_class = getattr(optim, opt_cfg["type"])
        self.opt = optimizer_class(
            recmodel.parameters(),
            lr=self.lr,
            weight_decay=self.weight_decay,  # expect: WD202
        )

    def stage_one(self, users, pos, neg):
        (users_emb, pos_emb, neg_emb,
         users_emb0, pos_emb0, neg_emb0) = self.model.getEmbedding(users.long(), pos.long(), neg.long())
        reg_loss = self.weight_decay * 0.5 * (users_emb0.norm(2).pow(2) + pos_emb0.norm(2).pow(2) + neg_emb0.norm(2).pow(2)) / float(len(users))  # expect: WD201

        pos_scores = torch.sum(torch.mul(users_emb, pos_emb), dim=1)
        neg_scores = torch.sum(torch.mul(users_emb, neg_emb), dim=1)
        loss = torch.mean(F.softplus(neg_scores - pos_scores))
        loss = loss + reg_loss

        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.cpu().item()

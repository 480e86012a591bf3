# Idiom seen in: MilkFeng/LightGCN loss.py
# What it reproduces: BPRLoss.stageOne scales the returned embedding penalty by args.DECAY and adds it
# to the loss that is backpropagated; Adam is built without weight_decay (one decay, clean).
from torch import optim

import args
from model import LightGCN


class BPRLoss:
    def __init__(self, model: LightGCN):
        self.model = model
        self.weight_decay = args.DECAY
        self.lr = args.LR
        self.opt = optim.Adam(model.parameters(), lr=self.lr)

    def stageOne(self, users, pos, neg):
        loss, reg_loss = self.model.bpr_loss(users, pos, neg)
        reg_loss = reg_loss * self.weight_decay
        loss = loss + reg_loss

        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.cpu().item()

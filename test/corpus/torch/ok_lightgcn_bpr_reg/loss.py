# Idiom seen in: taowangcheng/RecEraserPro code/others/loss.py
# What it reproduces: BPRLoss.step: Adam(model.parameters(), lr) without weight_decay; the embedding penalty is the
# only decay, scaled by config.decay and added before backward().
from torch import optim


class BPRLoss:
    def __init__(self, model, config):
        self.decay = config.decay
        self.lr = config.lr
        self.model = model
        self.opt = optim.Adam(model.parameters(), lr=self.lr)

    def step(self, users, pos_items, neg_items):
        loss, reg_loss = self.model.bpr_loss(users, pos_items, neg_items)
        reg_loss = reg_loss * self.decay
        loss = loss + reg_loss
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.cpu().item()

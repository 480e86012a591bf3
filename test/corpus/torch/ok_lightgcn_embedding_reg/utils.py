# Idiom seen in: gusye1234/LightGCN-PyTorch code/utils.py (BPRLoss)
# What it reproduces: BPRLoss owns the optimizer: plain Adam without weight_decay, and stageOne adds
# `reg_loss * config['decay']` to the BPR loss before backward.
# label-note: clean. The L2 comes only from the explicit penalty (no optimizer decay, so no WD201 and no
# WD202); it reaches loss.backward().
from torch import optim


class BPRLoss:
    def __init__(self, recmodel, config: dict):
        self.model = recmodel
        self.weight_decay = config['decay']
        self.lr = config['lr']
        self.opt = optim.Adam(recmodel.parameters(), lr=self.lr)

    def stageOne(self, users, pos, neg):
        loss, reg_loss = self.model.bpr_loss(users, pos, neg)
        reg_loss = reg_loss * self.weight_decay
        loss = loss + reg_loss

        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.cpu().item()


def minibatch(*tensors, batch_size):
    for i in range(0, len(tensors[0]), batch_size):
        yield tuple(x[i:i + batch_size] for x in tensors)

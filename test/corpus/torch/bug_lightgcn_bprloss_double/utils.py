# Idiom seen in: dliu18/LightGCN code/utils.py
# What it reproduces: BPRLoss.stageOne multiplies the model's reg_loss by config['decay'] and adds it to the
#   BPR loss, the LightGCN way. User mistake seen in forks of this code: weight_decay=self.weight_decay is
#   also given to the Adam optimizer, so the same embedding tables are decayed twice (WD201 at the call that
#   returns the penalty) and the optimizer's share is coupled L2 under Adam (WD202).
import numpy as np
import torch
from torch import optim

import world


class BPRLoss:
    def __init__(self, recmodel, config: dict):
        self.model = recmodel
        self.weight_decay = config['decay']
        self.lr = config['lr']
        self.opt = optim.Adam(recmodel.parameters(), lr=self.lr,
                              weight_decay=self.weight_decay)  # expect: WD202

    def stageOne(self, users, pos, neg):
        loss, reg_loss = self.model.bpr_loss(users, pos, neg)  # expect: WD201
        reg_loss = reg_loss * self.weight_decay
        loss = loss + reg_loss

        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.cpu().item()


def UniformSample_original(dataset):
    user_num = dataset.trainDataSize
    users = np.random.randint(0, dataset.n_users, user_num)
    allPos = dataset.allPos
    S = []
    for user in users:
        posForUser = allPos[user]
        if len(posForUser) == 0:
            continue
        positem = posForUser[np.random.randint(0, len(posForUser))]
        while True:
            negitem = np.random.randint(0, dataset.m_items)
            if negitem not in posForUser:
                break
        S.append([user, positem, negitem])
    return np.array(S)


def minibatch(*tensors, batch_size):
    for i in range(0, len(tensors[0]), batch_size):
        yield tuple(x[i:i + batch_size] for x in tensors)

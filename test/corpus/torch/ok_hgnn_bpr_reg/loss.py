# Idiom seen in: xlx0010/HGNN src/loss.py
# What it reproduces: BPRLoss owns an Adam without weight_decay and minimizes bpr + decay_reg * reg + decay_ent *
#   entropy, the L2 on embeddings being the only decay (clean).
from torch import optim


class BPRLoss:
    def __init__(self, recmodel, decay_reg, decay_ent, lr, **kwargs):
        self.model = recmodel
        self.decay_reg = decay_reg
        self.decay_ent = decay_ent
        self.lr = lr
        self.opt = optim.Adam(recmodel.parameters(), lr=self.lr)

    def stageOne(self, users, candidates):
        loss, reg_loss, entropy_loss = self.model.bpr_loss(users, candidates)
        reg_loss = reg_loss * self.decay_reg
        entropy_loss = entropy_loss * self.decay_ent
        loss = loss + reg_loss + entropy_loss

        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.cpu().item()

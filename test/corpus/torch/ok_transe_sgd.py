# Idiom seen in: torchkge-team/torchkge docs/tutorials/transe.rst
# What it reproduces: the TransE tutorial loop with plain SGD (no weight_decay) and one explicit
#   L2 term on the batch's embedding rows added to the margin loss. Clean.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import SGD
from torch.utils.data import DataLoader

from torchkge.utils.datasets import load_fb15k
from torchkge.utils import MarginLoss
from torchkge.sampling import BernoulliNegativeSampler


class TransE(nn.Module):
    def __init__(self, dim, n_ent, n_rel):
        super().__init__()
        self.ent = nn.Embedding(n_ent, dim)
        self.rel = nn.Embedding(n_rel, dim)
        nn.init.xavier_uniform_(self.ent.weight)
        nn.init.xavier_uniform_(self.rel.weight)

    def score(self, h, t, r):
        return -torch.norm(self.ent(h) + self.rel(r) - self.ent(t), p=2, dim=1)


kg_train, _, _ = load_fb15k()
model = TransE(100, kg_train.n_ent, kg_train.n_rel)
criterion = MarginLoss(1.0)
optimizer = SGD(model.parameters(), lr=0.01)
sampler = BernoulliNegativeSampler(kg_train)
loader = DataLoader(kg_train, batch_size=1024, shuffle=True)
lam = 1e-5

for epoch in range(300):
    for h, t, r in loader:
        nh, nt = sampler.corrupt_batch(h, t, r)
        optimizer.zero_grad()
        pos, neg = model.score(h, t, r), model.score(nh, nt, r)
        reg = model.ent(h).pow(2).sum() + model.ent(t).pow(2).sum() + model.rel(r).pow(2).sum()
        loss = criterion(pos, neg) + lam * reg
        loss.backward()
        optimizer.step()
    print('epoch', epoch, 'loss', loss.item())

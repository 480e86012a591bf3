# Idiom seen in: torchkge-team/torchkge docs/tutorials/transe.rst
# What it reproduces: realistic user mistake on the TransE tutorial loop: an L2 term on the batch's
#   entity/relation embedding rows is added to the margin loss while the SGD optimizer over the same
#   tables is also given weight_decay: the embeddings are decayed twice.
import torch
from torch import cuda
from torch.optim import SGD
from torch.utils.data import DataLoader

from torchkge.utils.datasets import load_fb15k
from torchkge.utils import MarginLoss
from torchkge.sampling import BernoulliNegativeSampler

from model import TransEModel

kg_train, _, kg_test = load_fb15k()
lr, nb_epochs, batch_size, margin = 0.01, 500, 1024, 1.0
reg_lambda = 1e-5

model = TransEModel(100, kg_train.n_ent, kg_train.n_rel)
criterion = MarginLoss(margin)
if cuda.is_available():
    model.cuda()
    criterion.cuda()

optimizer = SGD(model.parameters(), lr=lr, weight_decay=1e-4)
sampler = BernoulliNegativeSampler(kg_train)
dataloader = DataLoader(kg_train, batch_size=batch_size, shuffle=True)

for epoch in range(nb_epochs):
    running_loss = 0.0
    for heads, tails, rels in dataloader:
        if cuda.is_available():
            heads, tails, rels = heads.cuda(), tails.cuda(), rels.cuda()
        neg_heads, neg_tails = sampler.corrupt_batch(heads, tails, rels)
        optimizer.zero_grad()
        pos, neg = model(heads, tails, neg_heads, neg_tails, rels)
        reg = model.ent_emb(heads).norm(2).pow(2) + model.ent_emb(tails).norm(2).pow(2) + model.rel_emb(rels).norm(2).pow(2)  # expect: WD201
        loss = criterion(pos, neg) + reg_lambda * reg
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    print('Epoch {} | mean loss: {:.5f}'.format(epoch + 1, running_loss / len(dataloader)))

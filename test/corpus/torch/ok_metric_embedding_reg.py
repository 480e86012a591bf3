# Idiom seen in: KevinMusgrave/pytorch-metric-learning src/pytorch_metric_learning/losses/regularizer_mixins.py
# What it reproduces: the embedding-regularizer mixin (a penalty on the norms of the batch's output
#   embeddings, an activation term, not weight decay) next to AdamW with a proper no-decay group. Clean.
import torch
import torch.nn as nn
import torch.nn.functional as F

from datasets import get_loader
from trunks import build_trunk

config = {'embedding_size': 128, 'lr': 1e-4, 'weight_decay': 0.05,
          'margin': 0.2, 'embedding_reg_weight': 0.01, 'epochs': 40}


class EmbeddingRegularizerMixin:
    def __init__(self, embedding_reg_weight=1.0, **kwargs):
        super().__init__(**kwargs)
        self.embedding_reg_weight = embedding_reg_weight

    def embedding_regularization_loss(self, embeddings):
        return self.embedding_reg_weight * torch.mean(torch.norm(embeddings, p=2, dim=1))


class TripletMarginLoss(EmbeddingRegularizerMixin, nn.Module):
    def __init__(self, margin=0.05, **kwargs):
        super().__init__(**kwargs)
        self.margin = margin

    def forward(self, anchor, positive, negative):
        ap = F.pairwise_distance(anchor, positive)
        an = F.pairwise_distance(anchor, negative)
        loss = F.relu(ap - an + self.margin).mean()
        emb = torch.cat([anchor, positive, negative], dim=0)
        return loss + self.embedding_regularization_loss(emb)


def no_decay_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        (no_decay if p.ndim <= 1 or name.endswith('.bias') else decay).append(p)
    return [{'params': decay, 'weight_decay': weight_decay},
            {'params': no_decay, 'weight_decay': 0.0}]


trunk = build_trunk(config['embedding_size']).cuda()
loss_func = TripletMarginLoss(margin=config['margin'],
                              embedding_reg_weight=config['embedding_reg_weight'])
optimizer = torch.optim.AdamW(no_decay_groups(trunk, config['weight_decay']), lr=config['lr'])

loader = get_loader('sop', split='train', batch_size=96, triplets=True)
for epoch in range(config['epochs']):
    for a, p, n in loader:
        optimizer.zero_grad()
        loss = loss_func(trunk(a.cuda()), trunk(p.cuda()), trunk(n.cuda()))
        loss.backward()
        optimizer.step()
    print('epoch', epoch, 'loss', round(loss.item(), 4))

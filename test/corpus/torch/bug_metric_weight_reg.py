# Idiom seen in: KevinMusgrave/pytorch-metric-learning src/pytorch_metric_learning/losses/regularizer_mixins.py
# What it reproduces: a proxy/softmax metric loss with a weight-regularizer mixin (L2 on the class
#   matrix W) whose parameters are ALSO optimized with SGD weight_decay: W is decayed twice.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F

from datasets import get_loader
from trunks import build_trunk

parser = argparse.ArgumentParser()
parser.add_argument('--embedding_size', type=int, default=128)
parser.add_argument('--num_classes', type=int, default=100)
parser.add_argument('--lr', type=float, default=0.01)
parser.add_argument('--loss_lr', type=float, default=0.1)
parser.add_argument('--weight_reg_weight', type=float, default=1e-4)
parser.add_argument('--epochs', type=int, default=50)
args = parser.parse_args()


class WeightRegularizerMixin:
    def __init__(self, weight_reg_weight=1.0, **kwargs):
        super().__init__(**kwargs)
        self.weight_reg_weight = weight_reg_weight

    def weight_regularization_loss(self, weights):
        return self.weight_reg_weight * torch.sum(weights ** 2)


class NormalizedSoftmaxLoss(WeightRegularizerMixin, nn.Module):
    def __init__(self, num_classes, embedding_size, temperature=0.05, **kwargs):
        super().__init__(**kwargs)
        self.temperature = temperature
        self.W = nn.Parameter(torch.randn(embedding_size, num_classes) * 0.01)

    def forward(self, embeddings, labels):
        normalized_W = F.normalize(self.W, p=2, dim=0)
        logits = torch.matmul(F.normalize(embeddings, dim=1), normalized_W) / self.temperature
        loss = F.cross_entropy(logits, labels)
        loss = loss + self.weight_regularization_loss(self.W)  # expect: WD201
        return loss


trunk = build_trunk(args.embedding_size).cuda()
loss_func = NormalizedSoftmaxLoss(args.num_classes, args.embedding_size,
                                  weight_reg_weight=args.weight_reg_weight).cuda()
trunk_optimizer = torch.optim.Adam(trunk.parameters(), lr=args.lr)
loss_optimizer = torch.optim.SGD(loss_func.parameters(), lr=args.loss_lr, momentum=0.9,
                                 weight_decay=1e-4)

train_loader = get_loader('cub200', split='train', batch_size=64)
for epoch in range(args.epochs):
    for images, labels in train_loader:
        images, labels = images.cuda(), labels.cuda()
        trunk_optimizer.zero_grad()
        loss_optimizer.zero_grad()
        embeddings = trunk(images)
        loss = loss_func(embeddings, labels)
        loss.backward()
        trunk_optimizer.step()
        loss_optimizer.step()
    print('epoch {} loss {:.4f}'.format(epoch, loss.item()))

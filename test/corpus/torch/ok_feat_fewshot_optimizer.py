# Idiom seen in: Sha-Lab/FEAT model/trainer/helpers.py
# Idiom seen in: Sha-Lab/FEAT model/models/feat.py
# What it reproduces: FEAT's prepare_optimizer: Adam for the ConvNet backbone with weight decay deliberately
#   left out (as upstream), SGD with a larger lr for the set-to-set attention head otherwise. This is the
#   corrected form of the SGD branch: each part is split by ndim/name so biases and LayerNorm get
#   weight_decay 0.0. Clean.
import argparse

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

from model.dataloader.mini_imagenet import MiniImageNet
from model.dataloader.samplers import CategoriesSampler
from model.networks.res12 import ResNet
from model.networks.convnet import ConvNet


class MultiHeadAttention(nn.Module):
    def __init__(self, n_head, d_model, d_k, dropout=0.1):
        super().__init__()
        self.n_head, self.d_k = n_head, d_k
        self.w_qs = nn.Linear(d_model, n_head * d_k, bias=False)
        self.w_ks = nn.Linear(d_model, n_head * d_k, bias=False)
        self.w_vs = nn.Linear(d_model, n_head * d_k, bias=False)
        self.fc = nn.Linear(n_head * d_k, d_model)
        self.layer_norm = nn.LayerNorm(d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, q, k, v):
        residual = q
        attn = torch.softmax(self.w_qs(q) @ self.w_ks(k).transpose(1, 2) / np.sqrt(self.d_k), dim=-1)
        output = self.dropout(self.fc(attn @ self.w_vs(v)))
        return self.layer_norm(output + residual)


class FEAT(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        self.encoder = ConvNet() if args.backbone_class == 'ConvNet' else ResNet()
        hdim = 64 if args.backbone_class == 'ConvNet' else 640
        self.slf_attn = MultiHeadAttention(1, hdim, hdim, dropout=0.5)

    def forward(self, support, query):
        emb_support, emb_query = self.encoder(support), self.encoder(query)
        proto = emb_support.view(self.args.shot, self.args.way, -1).mean(dim=0).unsqueeze(0)
        proto = self.slf_attn(proto, proto, proto).squeeze(0)
        return -torch.cdist(emb_query, proto) / self.args.temperature


def split_decay(named_params):
    decay, no_decay = [], []
    for name, p in named_params:
        if p.ndim <= 1 or name.endswith('.bias'):
            no_decay.append(p)
        else:
            decay.append(p)
    return decay, no_decay


def prepare_optimizer(model, args):
    top_para = [v for k, v in model.named_parameters() if 'encoder' not in k]
    # as in the literature, we use ADAM for ConvNet and SGD for other backbones
    if args.backbone_class == 'ConvNet':
        optimizer = optim.Adam(
            [{'params': model.encoder.parameters()},
             {'params': top_para, 'lr': args.lr * args.lr_mul}],
            lr=args.lr,
            # weight_decay=args.weight_decay, do not use weight_decay here
        )
    else:
        enc_decay, enc_no_decay = split_decay(model.encoder.named_parameters())
        top_decay, top_no_decay = split_decay([(k, v) for k, v in model.named_parameters() if 'encoder' not in k])
        optimizer = optim.SGD(
            [{'params': enc_decay},
             {'params': enc_no_decay, 'weight_decay': 0.0},
             {'params': top_decay, 'lr': args.lr * args.lr_mul},
             {'params': top_no_decay, 'lr': args.lr * args.lr_mul, 'weight_decay': 0.0}],
            lr=args.lr,
            momentum=args.mom,
            nesterov=True,
            weight_decay=args.weight_decay
        )
    lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=int(args.step_size), gamma=args.gamma)
    return optimizer, lr_scheduler


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--max_epoch', type=int, default=200)
    parser.add_argument('--episodes_per_epoch', type=int, default=100)
    parser.add_argument('--way', type=int, default=5)
    parser.add_argument('--shot', type=int, default=1)
    parser.add_argument('--query', type=int, default=15)
    parser.add_argument('--temperature', type=float, default=64)
    parser.add_argument('--backbone_class', type=str, default='ConvNet', choices=['ConvNet', 'Res12'])
    parser.add_argument('--lr', type=float, default=0.0001)
    parser.add_argument('--lr_mul', type=float, default=10)
    parser.add_argument('--step_size', type=str, default='20')
    parser.add_argument('--gamma', type=float, default=0.2)
    parser.add_argument('--mom', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=0.0005)
    args = parser.parse_args()

    trainset = MiniImageNet('train', args)
    sampler = CategoriesSampler(trainset.label, args.episodes_per_epoch, args.way, args.shot + args.query)
    train_loader = torch.utils.data.DataLoader(dataset=trainset, num_workers=4, batch_sampler=sampler)
    model = FEAT(args)
    optimizer, lr_scheduler = prepare_optimizer(model, args)
    label = torch.arange(args.way).repeat(args.query)
    for epoch in range(1, args.max_epoch + 1):
        model.train()
        for data, _ in train_loader:
            p = args.shot * args.way
            logits = model(data[:p], data[p:])
            loss = F.cross_entropy(logits, label)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        lr_scheduler.step()
        print('epoch {}, loss={:.4f}'.format(epoch, loss.item()))

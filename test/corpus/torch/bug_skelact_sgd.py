# Idiom seen in: hikvision-research/skelact configs/_base_/schedules/sgd_65e.py
# What it reproduces: the mmaction-style SGD schedule dict (lr 0.1, momentum 0.9, nesterov,
#   weight_decay 4e-4) applied by a small standalone trainer to all of an ST-GCN's parameters,
#   including its data_bn / BatchNorm affines, the edge-importance masks and biases.
import torch
import torch.nn as nn
import torch.nn.functional as F

from skelact.models import STGCN
from skelact.datasets import build_ntu60_loader

optimizer_cfg = dict(type='SGD', lr=0.1, momentum=0.9, weight_decay=0.0004, nesterov=True)
lr_steps = [35, 45, 55]
total_epochs = 65


def build_optimizer(model, cfg):
    cfg = dict(cfg)
    cfg.pop('type')
    return torch.optim.SGD(model.parameters(), **cfg)  # expect: WD203


model = STGCN(in_channels=3, num_class=60, graph_cfg=dict(layout='nturgb+d', strategy='spatial'),
              edge_importance_weighting=True).cuda()
optimizer = build_optimizer(model, optimizer_cfg)
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=lr_steps, gamma=0.1)
train_loader = build_ntu60_loader(split='xsub_train', batch_size=16)

for epoch in range(total_epochs):
    model.train()
    for keypoints, label in train_loader:
        cls_score = model(keypoints.cuda())
        loss = F.cross_entropy(cls_score, label.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()
    print('epoch {} loss {:.4f}'.format(epoch + 1, loss.item()))

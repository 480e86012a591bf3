# Idiom seen in: lbt1219/e2ec-classification e2ec-single/train/optimizer/optimizer.py
# What it reproduces: the training entry with a config whose optimizer name is 'sgd' and
#   weight_decay 5e-4; make_optimizer decays all parameters through the per-parameter groups.
from types import SimpleNamespace

import torch

from optimizer import make_optimizer
from network import get_network
from dataset import make_data_loader

cfg = SimpleNamespace(
    train=SimpleNamespace(
        optimizer={'name': 'sgd', 'lr': 1e-2, 'weight_decay': 5e-4,
                   'milestones': [80, 120, 150, 170], 'gamma': 0.5},
        epoch=200,
        batch_size=24,
    ),
    model=SimpleNamespace(dla_layer=34, head_conv=256),
)

network = get_network(cfg).cuda()
optimizer = make_optimizer(network, cfg)
scheduler = torch.optim.lr_scheduler.MultiStepLR(
    optimizer, milestones=cfg.train.optimizer['milestones'], gamma=cfg.train.optimizer['gamma'])
train_loader = make_data_loader(is_train=True, cfg=cfg)

for epoch in range(cfg.train.epoch):
    network.train()
    for batch in train_loader:
        output = network(batch['inp'].cuda(), batch)
        loss = output['loss']
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_value_(network.parameters(), 40)
        optimizer.step()
    scheduler.step()
    print('epoch', epoch, 'loss', loss.item())

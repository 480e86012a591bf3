# Idiom seen in: open-mmlab/mmpretrain configs/_base_/schedules/imagenet_bs1024_adamw_conformer.py
# What it reproduces: training entry for a Conformer classifier with the paramwise AdamW above. Clean.
import torch
import torch.nn.functional as F

from schedule_adamw_conformer import optimizer as optimizer_cfg, runner
from build_optimizer import build_optimizer
from mmpretrain_models import Conformer
from imagenet_data import build_loader

model = Conformer(arch='tiny', drop_path_rate=0.1, num_classes=1000).cuda()
optimizer = build_optimizer(model, optimizer_cfg)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=runner['max_epochs'])
loader = build_loader('train', batch_size=128)

for epoch in range(runner['max_epochs']):
    model.train()
    for img, label in loader:
        loss = F.cross_entropy(model(img.cuda()), label.cuda(), label_smoothing=0.1)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()
    print('epoch', epoch, loss.item())

# Idiom seen in: rioyokotalab/pytorch-image-models train.py
# What it reproduces: argparse flags (--opt adamw, --weight-decay 0.05) and create_optimizer(args,
# model) for a ViT; the factory keeps biases, norms and the 1-d tokens out of the decay (clean).
import argparse

import timm
import torch
import torch.nn as nn

from optim_factory import create_optimizer
from loader import create_loader

parser = argparse.ArgumentParser(description='PyTorch ImageNet Training')
parser.add_argument('--model', default='vit_small_patch16_224', type=str)
parser.add_argument('--num-classes', type=int, default=1000)
parser.add_argument('--opt', default='adamw', type=str)
parser.add_argument('--opt-eps', default=1e-8, type=float)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--weight-decay', type=float, default=0.05)
parser.add_argument('--lr', type=float, default=5e-4)
parser.add_argument('--epochs', type=int, default=300)
parser.add_argument('-b', '--batch-size', type=int, default=128)
args = parser.parse_args()

model = timm.create_model(args.model, pretrained=False, num_classes=args.num_classes)
model.cuda()
optimizer = create_optimizer(args, model)
lr_scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
loader_train = create_loader('imagenet/train', batch_size=args.batch_size, is_training=True)
train_loss_fn = nn.CrossEntropyLoss().cuda()

for epoch in range(args.epochs):
    model.train()
    for input, target in loader_train:
        output = model(input.cuda())
        loss = train_loss_fn(output, target.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    lr_scheduler.step()
    print(f"epoch {epoch}: loss {loss.item():.4f}")

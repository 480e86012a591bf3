# Idiom seen in: huggingface/pytorch-image-models train.py (create_optimizer_v2 call) in a linear-probing script, where the frozen backbone is evaluated with a trainable head and no weight decay
# What it reproduces: linear probing of a frozen timm backbone; the head optimizer and the optional norm-recalibration optimizer are both created with weight_decay=0., so no decay is ever applied. WD303 on the factory's guard.
import argparse

import timm
import torch
import torch.nn as nn

from optim_factory import create_optimizer_v2
from probe_data import create_loaders

parser = argparse.ArgumentParser(description="linear probe")
parser.add_argument("--model", default="vit_small_patch16_224")
parser.add_argument("--opt", default="sgd")
parser.add_argument("--lr", type=float, default=0.1)
parser.add_argument("--epochs", type=int, default=90)
parser.add_argument("--num-classes", type=int, default=1000)
parser.add_argument("--tune-norm", action="store_true")
args = parser.parse_args()

model = timm.create_model(args.model, pretrained=True, num_classes=args.num_classes)
for name, p in model.named_parameters():
    p.requires_grad = name.startswith("head.")
model.head = nn.Sequential(nn.BatchNorm1d(model.head.in_features, affine=False), model.head)
model.cuda()

# linear probing: no weight decay on the classifier (as in MoCo v3 / MAE)
optimizer = create_optimizer_v2(model.head, opt=args.opt, lr=args.lr, weight_decay=0.)
norm_optimizer = None
if args.tune_norm:
    norm_layers = nn.ModuleList([m for m in model.modules() if isinstance(m, nn.LayerNorm)])
    for p in norm_layers.parameters():
        p.requires_grad = True
    norm_optimizer = create_optimizer_v2(norm_layers, opt="adamw", lr=args.lr * 0.01, weight_decay=0.0)

scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
criterion = nn.CrossEntropyLoss()
train_loader, val_loader = create_loaders(model.default_cfg, batch_size=256)

for epoch in range(args.epochs):
    model.train()
    for images, target in train_loader:
        images, target = images.cuda(non_blocking=True), target.cuda(non_blocking=True)
        loss = criterion(model(images), target)
        optimizer.zero_grad()
        if norm_optimizer is not None:
            norm_optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if norm_optimizer is not None:
            norm_optimizer.step()
    scheduler.step()
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for images, target in val_loader:
            pred = model(images.cuda()).argmax(dim=1)
            correct += (pred == target.cuda()).sum().item()
            total += target.size(0)
    print(f"epoch {epoch}: top1 {100.0 * correct / total:.2f}")

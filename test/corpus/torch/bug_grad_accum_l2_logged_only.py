# Idiom seen in: kobongsoo/GPUTech reference/gradient_accum_training_loop.py
# What it reproduces: gradient-accumulation loop (loss / accumulation_steps, step every N batches) where a
# hand-written L2 penalty is computed and folded into a "total" that is only logged, while backward() runs
# on the bare, rescaled criterion loss: the penalty never reaches a gradient (SGD has no weight_decay).
import argparse

import torch
import torch.nn as nn
from torch.utils.tensorboard import SummaryWriter

from dataset import get_loader
from models import build_model

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=0.05)
parser.add_argument("--l2", type=float, default=5e-4)
parser.add_argument("--epochs", type=int, default=30)
parser.add_argument("--batch-size", type=int, default=8)
parser.add_argument("--accumulation-steps", type=int, default=8)
args = parser.parse_args()

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = build_model("resnet18", num_classes=10).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
data_loader = get_loader("train", batch_size=args.batch_size)
writer = SummaryWriter("runs/accum")

global_step = 0
for epoch in range(args.epochs):
    running = 0.0
    for batch_idx, (inputs, targets) in enumerate(data_loader):
        inputs, targets = inputs.to(device), targets.to(device)
        preds = model(inputs)
        loss = criterion(preds, targets)

        l2_penalty = args.l2 * sum(p.pow(2).sum() for p in model.parameters())  # expect: WD104
        total_loss = loss + l2_penalty
        running += total_loss.item()

        # normalize loss to account for batch accumulation
        loss = loss / args.accumulation_steps
        loss.backward()

        if ((batch_idx + 1) % args.accumulation_steps == 0) or (batch_idx + 1 == len(data_loader)):
            optimizer.step()
            optimizer.zero_grad()
            global_step += 1
            writer.add_scalar("train/total_loss", running / args.accumulation_steps, global_step)
            running = 0.0

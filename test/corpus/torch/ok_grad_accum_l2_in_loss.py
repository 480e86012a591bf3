# Idiom seen in: kobongsoo/GPUTech reference/gradient_accum_training_loop.py
# What it reproduces: the same gradient-accumulation loop with a hand-written L2 penalty on the weight
# matrices only (p.ndim > 1), added to the criterion loss BEFORE the division by accumulation_steps and
# backpropagated; the SGD optimizer has no weight_decay, so the decay is applied exactly once. Clean.
import argparse

import torch
import torch.nn as nn

from dataset import get_loader
from models import build_model


def l2_penalty(model):
    return sum(p.pow(2).sum() for p in model.parameters() if p.ndim > 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--l2", type=float, default=2.5e-4)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--accumulation-steps", type=int, default=8)
    args = parser.parse_args()

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build_model("resnet18", num_classes=10).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    data_loader = get_loader("train", batch_size=args.batch_size)

    for epoch in range(args.epochs):
        for batch_idx, (inputs, targets) in enumerate(data_loader):
            inputs, targets = inputs.to(device), targets.to(device)
            preds = model(inputs)
            loss = criterion(preds, targets) + args.l2 * l2_penalty(model)
            loss = loss / args.accumulation_steps
            loss.backward()
            if ((batch_idx + 1) % args.accumulation_steps == 0) or (batch_idx + 1 == len(data_loader)):
                optimizer.step()
                optimizer.zero_grad()
        print("epoch %d done, last loss %.4f" % (epoch, loss.item() * args.accumulation_steps))


if __name__ == "__main__":
    main()

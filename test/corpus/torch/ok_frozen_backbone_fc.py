# Idiom seen in: daicver/PytorchNote 2.finetune.py
# What it reproduces: fine-tuning a pretrained ResNet-18 with every backbone parameter frozen and only the new
#   fc layer given to SGD with momentum and no weight decay at all: clean.
import argparse

import torch
import torch.nn as nn
import torchvision
from torch import optim

from flowers import get_loaders


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-2)
    args = parser.parse_args()

    model = torchvision.models.resnet18(pretrained=True)
    for param in model.parameters():
        param.requires_grad = False
    # the new head trains 100 classes; its parameters require grad by default
    model.fc = nn.Linear(512, 100)
    optimizer = optim.SGD(model.fc.parameters(), lr=args.lr, momentum=0.9)
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=7, gamma=0.1)
    criterion = nn.CrossEntropyLoss()

    train_loader, val_loader = get_loaders(batch_size=64)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model.to(device)
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        scheduler.step()
        model.eval()
        correct = total = 0
        with torch.no_grad():
            for x, y in val_loader:
                pred = model(x.to(device)).argmax(1).cpu()
                correct += (pred == y).sum().item()
                total += y.numel()
        print(f"epoch {epoch}: val acc {correct / total:.3f}")


if __name__ == "__main__":
    main()

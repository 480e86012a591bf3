# Idiom seen in: jungwy1/pytorch-tutorial AlexNet/original/train.py
# What it reproduces: the AlexNet training script with its AdamW(lr, weight_decay=5e-4) given two parameter
#   groups: weight matrices and kernels decayed, biases (ndim == 1) in a group with weight_decay 0.0;
#   decoupled decay, applied once, not on biases: clean.
import torch
import torch.nn as nn

import config
from dataset import get_loaders
from model import AlexNet


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or name.endswith(".bias"):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{"params": decay, "weight_decay": weight_decay},
            {"params": no_decay, "weight_decay": 0.0}]


def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_loader, test_loader = get_loaders(config.batch_size)
    model = AlexNet(num_classes=config.num_classes).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(param_groups(model, config.weight_decay), lr=config.learning_rate)

    for epoch in range(config.num_epochs):
        model.train()
        for images, labels in train_loader:
            images, labels = images.to(device), labels.to(device)
            loss = criterion(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch + 1}/{config.num_epochs} loss {loss.item():.4f}")


if __name__ == "__main__":
    main()

# Idiom seen in: zero-or-one/URP-Summer-Fall-2021 train.py
# What it reproduces: fine-tuning with an L2 penalty toward the initial weights, l2_loss(model, model_init,
# weight_decay) = weight_decay/2 * sum((p - p_init)**2), added to the loss that is backpropagated; the SGD
# optimizer has no weight_decay of its own, so there is no double decay and nothing is dropped. Clean.
import argparse
import copy

import torch
import torch.nn.functional as F
import torch.optim as optim

from datasets import get_loaders
from models import get_model


def l2_loss(model, model_init, weight_decay):
    l2 = 0
    for (k, p), (k_init, p_init) in zip(model.named_parameters(), model_init.named_parameters()):
        if p.requires_grad:
            l2 += (p - p_init).pow(2).sum()
    l2 *= (weight_decay / 2.)
    return l2


def train_epoch(model, model_init, loader, optimizer, args, device):
    model.train()
    total, correct = 0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        out = model(x)
        loss = F.cross_entropy(out, y) + l2_loss(model, model_init, args.weight_decay)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        correct += (out.argmax(1) == y).sum().item()
        total += y.size(0)
    return correct / total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--arch", default="resnet18")
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--weight-decay", type=float, default=5e-4)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--resume", default="checkpoints/pretrain.pt")
    args = parser.parse_args()

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = get_model(args.arch, num_classes=10).to(device)
    model.load_state_dict(torch.load(args.resume, map_location=device))
    model_init = copy.deepcopy(model)
    for p in model_init.parameters():
        p.requires_grad_(False)

    train_loader, test_loader = get_loaders("cifar10", batch_size=128)
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    for epoch in range(args.epochs):
        acc = train_epoch(model, model_init, train_loader, optimizer, args, device)
        scheduler.step()
        print("epoch %d train acc %.3f" % (epoch, acc))


if __name__ == "__main__":
    main()

# Idiom seen in: dongchao980612/Python-task Testing/Testing04.py
# What it reproduces: the L2 penalty is summed and folded into `loss_with_penalty`, but the loop still
#   calls backward() on the plain criterion loss; the penalty only ever reaches the progress print.
# label-note: WD104 on the line that computes the penalty term (it never reaches loss.backward()).
#   The SGD has no weight_decay, so there is no other decay and no WD203.
import argparse

import torch
import torch.nn as nn

from datasets import get_loaders
from models import SmallConvNet

parser = argparse.ArgumentParser(description="CIFAR-10 with explicit L2")
parser.add_argument("--lr", type=float, default=0.05)
parser.add_argument("--epochs", type=int, default=30)
parser.add_argument("--l2-lambda", type=float, default=1e-3)
parser.add_argument("--batch-size", type=int, default=128)
args = parser.parse_args()

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
train_loader, test_loader = get_loaders(args.batch_size)
model = SmallConvNet(num_classes=10).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)


def train(epoch):
    model.train()
    running = 0.0
    for batch_idx, (inputs, targets) in enumerate(train_loader):
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, targets)
        l2_penalty = args.l2_lambda * sum([(p ** 2).sum() for p in model.parameters()])  # expect: WD104
        loss_with_penalty = loss + l2_penalty
        loss.backward()
        optimizer.step()
        running += loss_with_penalty.item()
        if batch_idx % 100 == 99:
            print(f"epoch {epoch} batch {batch_idx + 1}: loss {running / 100:.4f}")
            running = 0.0


def test():
    model.eval()
    correct = 0
    with torch.no_grad():
        for inputs, targets in test_loader:
            outputs = model(inputs.to(device))
            correct += (outputs.argmax(1) == targets.to(device)).sum().item()
    return correct / len(test_loader.dataset)


def main():
    for epoch in range(args.epochs):
        train(epoch)
        print(f"epoch {epoch}: test acc {test():.4f}")


if __name__ == "__main__":
    main()

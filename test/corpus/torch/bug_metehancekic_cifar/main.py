# Idiom seen in: metehancekic/pytorch-tutorials cifar/main.py
# Idiom seen in: metehancekic/pytorch-tutorials cifar/parameters.py
# What it reproduces: the tutorial's optimizer line as it is in the repository: SGD over all of
#   model.parameters() (a BatchNorm ResNet, wrapped in DataParallel) with weight_decay=args.weight_decay and a
#   CyclicLR schedule; biases and BatchNorm weights are decayed too (WD203 on the params argument).
import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.optim as optim

from models import ResNet
from parameters import get_arguments
from read_datasets import cifar10


def train_epoch(model, loader, optimizer, scheduler, device):
    model.train()
    criterion = nn.CrossEntropyLoss()
    total, correct = 0, 0
    for data, target in loader:
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        loss = criterion(output, target)
        loss.backward()
        optimizer.step()
        scheduler.step()
        correct += (output.argmax(1) == target).sum().item()
        total += target.size(0)
    return loss.item(), correct / total


def main():
    args = get_arguments()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_loader, test_loader = cifar10(args)

    model = ResNet().to(device)
    if device == "cuda":
        model = torch.nn.DataParallel(model)
        cudnn.benchmark = True

    optimizer = optim.SGD(model.parameters(), lr=args.lr_max, momentum=args.momentum,  # expect: WD203
                          weight_decay=args.weight_decay)
    lr_steps = args.epochs * len(train_loader)
    scheduler = torch.optim.lr_scheduler.CyclicLR(optimizer, base_lr=args.lr_min, max_lr=args.lr_max,
                                                  step_size_up=lr_steps / 2, step_size_down=lr_steps / 2)
    if args.train:
        for epoch in range(1, args.epochs + 1):
            loss, acc = train_epoch(model, train_loader, optimizer, scheduler, device)
            print(f"Epoch {epoch}: loss {loss:.4f} acc {acc:.4f}")
        torch.save(model.state_dict(), "checkpoints/" + args.model + ".pt")


if __name__ == "__main__":
    main()

# Idiom seen in: pytorch/examples imagenet/main.py; huyvnphan/PyTorch_CIFAR10 module.py
# What it reproduces: transfer learning with a frozen torchvision backbone and a new `fc` head trained alone;
# the head's SGD decay has a sign slip (-1e-4), so the head weights grow every step instead of shrinking.
# label-note: no WD203 on model.fc.parameters(): that rule is for weight_decay > 0, and this value is negative.
import argparse
import os

import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.models as models
from torchvision import datasets, transforms


def get_args():
    parser = argparse.ArgumentParser(description='fine-tune a resnet head')
    parser.add_argument('data', metavar='DIR')
    parser.add_argument('--num-classes', type=int, default=37)
    parser.add_argument('--epochs', type=int, default=15)
    parser.add_argument('--batch-size', type=int, default=64)
    return parser.parse_args()


def main():
    args = get_args()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    tf = transforms.Compose([
        transforms.RandomResizedCrop(224),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    ])
    train_set = datasets.ImageFolder(os.path.join(args.data, 'train'), tf)
    loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=4)

    model = models.resnet18(weights='IMAGENET1K_V1')
    for param in model.parameters():
        param.requires_grad = False
    model.fc = nn.Linear(model.fc.in_features, args.num_classes)
    model = model.to(device)

    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.fc.parameters(), lr=0.01, momentum=0.9,
                          weight_decay=-1e-4)  # expect: WD302
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=7, gamma=0.1)

    for epoch in range(args.epochs):
        model.train()
        for inputs, labels in loader:
            inputs, labels = inputs.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = criterion(model(inputs), labels)
            loss.backward()
            optimizer.step()
        scheduler.step()
        print('epoch {} loss {:.4f}'.format(epoch, loss.item()))


if __name__ == '__main__':
    main()

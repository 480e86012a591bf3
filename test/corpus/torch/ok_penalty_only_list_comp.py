# Idiom seen in: dongchao980612/Python-task Testing/Testing04.py; hanhanyuyuji/SW-Net-for-few-shot regularizationTest.py
# What it reproduces: `l2_penalty = l2_lambda * sum([(p ** 2).sum() for p in model.parameters()])` added to the BCE
# loss, with an SGD optimizer that has no weight_decay: one decay mechanism, correctly wired (clean).
import argparse

import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(in_channels=3, out_channels=16, kernel_size=5)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 1)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x))).flatten(1)
        return torch.sigmoid(self.fc(x))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--root', default='./data/cats_vs_dogs/train')
    parser.add_argument('--l2_lambda', type=float, default=0.001)
    parser.add_argument('--epochs', type=int, default=20)
    args = parser.parse_args()

    tf = transforms.Compose([transforms.Resize((64, 64)), transforms.ToTensor()])
    loader = DataLoader(datasets.ImageFolder(args.root, transform=tf), batch_size=32, shuffle=True)

    model = SmallCNN()
    loss_func = nn.BCELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    l2_lambda = args.l2_lambda

    for epoch in range(args.epochs):
        running = 0.0
        for images, labels in loader:
            optimizer.zero_grad()
            probs = model(images).squeeze(1)
            loss = loss_func(probs, labels.float())
            l2_penalty = l2_lambda * sum([(p ** 2).sum() for p in model.parameters()])
            loss_with_penalty = loss + l2_penalty
            loss_with_penalty.backward()
            optimizer.step()
            running += loss.item()
        print(epoch, running / len(loader))

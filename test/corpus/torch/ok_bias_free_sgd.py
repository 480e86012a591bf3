# Idiom seen in: kuangliu/pytorch-cifar main.py; karpathy/nanoGPT model.py (bias=False layers)
# What it reproduces: kuangliu-style `optim.SGD(net.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)`
# on an all-convolutional net whose every layer has `bias=False` and no BatchNorm: one group is fine here (clean).
# label-note: WD203 needs biases or normalization parameters in the group; this model provably has none.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms

parser = argparse.ArgumentParser(description='PyTorch CIFAR10 Training')
parser.add_argument('--lr', default=0.05, type=float, help='learning rate')
args = parser.parse_args()


class AllConvNet(nn.Module):
    def __init__(self, num_classes=10):
        super(AllConvNet, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 96, 3, padding=1, bias=False), nn.ReLU(inplace=True),
            nn.Conv2d(96, 96, 3, padding=1, stride=2, bias=False), nn.ReLU(inplace=True),
            nn.Conv2d(96, 192, 3, padding=1, bias=False), nn.ReLU(inplace=True),
            nn.Conv2d(192, 192, 3, padding=1, stride=2, bias=False), nn.ReLU(inplace=True),
            nn.Conv2d(192, num_classes, 1, bias=False),
        )
        self.pool = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        return torch.flatten(self.pool(self.features(x)), 1)


device = 'cuda' if torch.cuda.is_available() else 'cpu'
transform_train = transforms.Compose([
    transforms.RandomCrop(32, padding=4),
    transforms.RandomHorizontalFlip(),
    transforms.ToTensor(),
])
trainset = torchvision.datasets.CIFAR10(root='./data', train=True, download=True, transform=transform_train)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=2)

net = AllConvNet()
net = net.to(device)
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=200)


def train(epoch):
    net.train()
    train_loss = 0
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        train_loss += loss.item()
    print('Epoch %d loss %.3f' % (epoch, train_loss / (batch_idx + 1)))


if __name__ == '__main__':
    for epoch in range(200):
        train(epoch)
        scheduler.step()

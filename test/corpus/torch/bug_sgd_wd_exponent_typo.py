# Idiom seen in: alvarobartt/understanding-resnet implementation/resnet_cifar10_train.py; kuangliu/pytorch-cifar main.py
# What it reproduces: a module-level learning rate and plain SGD (no momentum) whose decay was typed `1e4` instead of
# `1e-4`: lr * wd = 0.01 * 1e4 = 100, so each step multiplies the weights by -99. All parameters are in the group too.
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as T

LEARNING_RATE = 0.01
BATCH_SIZE = 128
EPOCHS = 30


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = nn.functional.max_pool2d(torch.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


net = LeNet()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(
    net.parameters(),  # expect: WD203
    lr=LEARNING_RATE,
    weight_decay=1e4,  # expect: WD301
)

trainset = torchvision.datasets.CIFAR10(root='./data', train=True, download=True, transform=T.ToTensor())
trainloader = torch.utils.data.DataLoader(trainset, batch_size=BATCH_SIZE, shuffle=True)

for epoch in range(EPOCHS):
    running_loss = 0.0
    for i, (inputs, labels) in enumerate(trainloader):
        optimizer.zero_grad()
        loss = criterion(net(inputs), labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    print(f'[{epoch + 1}] loss: {running_loss / len(trainloader):.3f}')

# Idiom seen in: eadadi/deep_learn_ws1 part3_regularization_decay.py
# Idiom seen in: eadadi/deep_learn_ws1 part3_optimization.py
# Idiom seen in: eadadi/deep_learn_ws1 part3_baseline.py
# What it reproduces: a course-style experiment script that turns on weight decay by handing all of
# model.parameters() of a conv net (conv and fc biases included) to torch SGD(momentum, weight_decay=1e-5),
# hyper-parameters imported from sibling modules: decay on biases (the real repo code).
import torch
import torch.nn as nn
import torch.nn.init as init

from torch_cifar_loader import get_trainloader_and_testloader, device


class CNNetwork(nn.Module):
    def __init__(self, std, width_conv1=64, width_conv2=16):
        super(CNNetwork, self).__init__()
        self.conv1 = nn.Conv2d(3, width_conv1, kernel_size=3, stride=1, padding=1)
        self.conv2 = nn.Conv2d(width_conv1, width_conv2, kernel_size=3, stride=1, padding=1)
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        self.fc1 = nn.Linear(width_conv2 * 8 * 8, 784)
        self.fc2 = nn.Linear(784, 10)
        self.relu = nn.ReLU()
        for m in (self.fc1, self.fc2, self.conv1, self.conv2):
            init.normal_(m.weight, mean=0.0, std=std)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        x = x.view(x.shape[0], -1)
        return self.fc2(self.relu(self.fc1(x)))


def Train(dataloader, model, loss_fn, optimizer):
    model.train()
    train_loss, correct = 0, 0
    for X, y in dataloader:
        X = (X - X.min()) / (X.max() - X.min())
        X, y = X.to(device), y.to(device)
        pred = model(X)
        loss = loss_fn(pred, y)
        train_loss += loss.item()
        correct += (pred.argmax(1) == y).type(torch.float).sum().item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return train_loss / len(dataloader), correct / len(dataloader.dataset)


def Test(dataloader, model, loss_fn, log=False):
    model.eval()
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            X = (X - X.min()) / (X.max() - X.min())
            X, y = X.to(device), y.to(device)
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    if log:
        print(f"Accuracy: {100 * correct / len(dataloader.dataset):>0.1f}%", end=" ")
    return test_loss / len(dataloader), correct / len(dataloader.dataset)


epochs = 50
loss_fn = nn.CrossEntropyLoss()
batch_size = 64

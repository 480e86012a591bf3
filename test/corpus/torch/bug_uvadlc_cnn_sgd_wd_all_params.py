# Idiom seen in: uvadlc/uvadlc_practicals_2021 assignment2/part1/main_cnn.py
# What it reproduces: the course's recommended setup, SGD(model.parameters(), lr, momentum=0.9, weight_decay=5e-4),
#   filled in for torchvision vgg11_bn/resnet18: one group, so the BatchNorm scales/shifts and every bias are
#   decayed along with the kernels (as in the real template).
import argparse
import os

import numpy as np
import torch
import torch.nn as nn
import torch.utils.data as data
import torchvision.models as models

from cifar10_utils import get_train_validation_set, get_test_set


def set_seed(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def get_model(model_name, num_classes=10):
    if model_name == 'debug':
        return nn.Sequential(nn.Flatten(), nn.Linear(32 * 32 * 3, num_classes))
    elif model_name == 'vgg11_bn':
        return models.vgg11_bn(num_classes=num_classes)
    elif model_name == 'resnet18':
        return models.resnet18(num_classes=num_classes)
    raise ValueError(f'Unknown network architecture "{model_name}"')


def evaluate_model(model, data_loader, device):
    model.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for x, y in data_loader:
            pred = model(x.to(device)).argmax(dim=1)
            correct += (pred == y.to(device)).sum().item()
            total += y.shape[0]
    return correct / total


def train_model(model, lr, batch_size, epochs, data_dir, checkpoint_name, device):
    train_set, val_set = get_train_validation_set(data_dir)
    train_loader = data.DataLoader(train_set, batch_size=batch_size, shuffle=True, drop_last=True)
    val_loader = data.DataLoader(val_set, batch_size=batch_size, shuffle=False)

    optimizer = torch.optim.SGD(model.parameters(), lr=lr,  # expect: WD203
                                momentum=0.9, weight_decay=5e-4)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[90, 135], gamma=0.1)
    criterion = nn.CrossEntropyLoss()

    best_acc = 0.0
    for epoch in range(epochs):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        scheduler.step()

        acc = evaluate_model(model, val_loader, device)
        if acc > best_acc:
            best_acc = acc
            torch.save(model.state_dict(), checkpoint_name)
    model.load_state_dict(torch.load(checkpoint_name))
    return model


def main(model_name, lr, batch_size, epochs, data_dir, seed):
    device = torch.device("cuda:0") if torch.cuda.is_available() else torch.device("cpu")
    set_seed(seed)
    model = get_model(model_name).to(device)
    checkpoint_name = os.path.join(data_dir, f'{model_name}.pt')
    model = train_model(model, lr, batch_size, epochs, data_dir, checkpoint_name, device)
    test_loader = data.DataLoader(get_test_set(data_dir), batch_size=batch_size)
    print('Test accuracy:', evaluate_model(model, test_loader, device))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_name', default='vgg11_bn', type=str)
    parser.add_argument('--lr', default=0.01, type=float)
    parser.add_argument('--batch_size', default=128, type=int)
    parser.add_argument('--epochs', default=150, type=int)
    parser.add_argument('--seed', default=42, type=int)
    parser.add_argument('--data_dir', default='data/', type=str)
    args = parser.parse_args()
    main(**vars(args))

# Idiom seen in: Luolc/AdaBound demos/cifar10/main.py
# What it reproduces: the training script calls create_optimizer(args, net.parameters()) for a
#   torchvision-style ResNet34 (BatchNorm, biased fc); weight_decay 5e-4 then decays BN scales and biases
#   (WD203 at the caller's argument), and the Adam-family branches make it coupled L2 (WD202 in optimizers.py).
import argparse
import os

import torch
import torch.nn as nn
import torch.optim as optim
import torch.backends.cudnn as cudnn

from models import ResNet34, DenseNet121
from data import build_dataset
from optimizers import create_optimizer, get_ckpt_name


def get_parser():
    parser = argparse.ArgumentParser(description='PyTorch CIFAR10 Training')
    parser.add_argument('--model', default='resnet', type=str, choices=['resnet', 'densenet'])
    parser.add_argument('--optim', default='sgd', type=str,
                        choices=['sgd', 'adagrad', 'adam', 'amsgrad'])
    parser.add_argument('--lr', default=0.1, type=float, help='learning rate')
    parser.add_argument('--momentum', default=0.9, type=float, help='momentum term')
    parser.add_argument('--beta1', default=0.9, type=float)
    parser.add_argument('--beta2', default=0.999, type=float)
    parser.add_argument('--weight_decay', default=5e-4, type=float,
                        help='weight decay for optimizers')
    return parser


def build_model(args, device):
    net = {'resnet': ResNet34, 'densenet': DenseNet121}[args.model]()
    net = net.to(device)
    if device == 'cuda':
        net = torch.nn.DataParallel(net)
        cudnn.benchmark = True
    return net


def train(net, epoch, device, data_loader, optimizer, criterion):
    net.train()
    correct, total = 0, 0
    for inputs, targets in data_loader:
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        _, predicted = outputs.max(1)
        total += targets.size(0)
        correct += predicted.eq(targets).sum().item()
    return 100. * correct / total


def main():
    args = get_parser().parse_args()
    train_loader, test_loader = build_dataset()
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    ckpt_name = get_ckpt_name(model=args.model, optimizer=args.optim, lr=args.lr,
                              momentum=args.momentum, beta1=args.beta1, beta2=args.beta2)
    net = build_model(args, device)
    criterion = nn.CrossEntropyLoss()
    optimizer = create_optimizer(args, net.parameters())  # expect: WD203
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=150, gamma=0.1)
    for epoch in range(200):
        train_acc = train(net, epoch, device, train_loader, optimizer, criterion)
        scheduler.step()
        print('epoch %d train acc %.3f' % (epoch, train_acc))
    os.makedirs('checkpoint', exist_ok=True)
    torch.save({'net': net.state_dict()}, os.path.join('checkpoint', ckpt_name))


if __name__ == '__main__':
    main()

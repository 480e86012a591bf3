# Idiom seen in: HobbitLong/SupContrast main_supcon.py
# Idiom seen in: HobbitLong/SupContrast util.py
# What it reproduces: the SupCon pre-training entry point: argparse options (weight_decay 1e-4),
#   SupConResNet + SupConLoss from modules the program does not hold, optimizer from util.set_optimizer,
#   which decays every parameter including BatchNorm and biases.
import argparse

import torch
import torch.backends.cudnn as cudnn
from torchvision import transforms, datasets

from losses import SupConLoss
from networks.resnet_big import SupConResNet
from util import TwoCropTransform, adjust_learning_rate, set_optimizer, save_model


def parse_option():
    parser = argparse.ArgumentParser('argument for training')
    parser.add_argument('--batch_size', type=int, default=256)
    parser.add_argument('--epochs', type=int, default=1000)
    parser.add_argument('--learning_rate', type=float, default=0.05)
    parser.add_argument('--lr_decay_epochs', type=str, default='700,800,900')
    parser.add_argument('--lr_decay_rate', type=float, default=0.1)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--model', type=str, default='resnet50')
    parser.add_argument('--temp', type=float, default=0.07)
    parser.add_argument('--cosine', action='store_true')
    parser.add_argument('--method', type=str, default='SupCon', choices=['SupCon', 'SimCLR'])
    opt = parser.parse_args()
    opt.lr_decay_epochs = [int(it) for it in opt.lr_decay_epochs.split(',')]
    return opt


def set_loader(opt):
    train_transform = transforms.Compose([
        transforms.RandomResizedCrop(size=32, scale=(0.2, 1.)),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
    ])
    train_dataset = datasets.CIFAR10(root='./datasets/', transform=TwoCropTransform(train_transform), download=True)
    return torch.utils.data.DataLoader(train_dataset, batch_size=opt.batch_size, shuffle=True, drop_last=True)


def train(train_loader, model, criterion, optimizer, epoch, opt):
    model.train()
    for idx, (images, labels) in enumerate(train_loader):
        images = torch.cat([images[0], images[1]], dim=0)
        bsz = labels.shape[0]
        features = model(images)
        f1, f2 = torch.split(features, [bsz, bsz], dim=0)
        features = torch.cat([f1.unsqueeze(1), f2.unsqueeze(1)], dim=1)
        if opt.method == 'SupCon':
            loss = criterion(features, labels)
        else:
            loss = criterion(features)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


def main():
    opt = parse_option()
    train_loader = set_loader(opt)
    model = SupConResNet(name=opt.model)
    criterion = SupConLoss(temperature=opt.temp)
    cudnn.benchmark = True
    optimizer = set_optimizer(opt, model)
    for epoch in range(1, opt.epochs + 1):
        adjust_learning_rate(opt, optimizer, epoch)
        loss = train(train_loader, model, criterion, optimizer, epoch, opt)
        print('epoch {}, loss {:.3f}'.format(epoch, loss))
    save_model(model, optimizer, opt, opt.epochs, 'last.pth')


if __name__ == '__main__':
    main()

# Idiom seen in: szagoruyko/attention-transfer cifar.py
# Idiom seen in: szagoruyko/attention-transfer utils.py
# What it reproduces: knowledge distillation with activation-based attention transfer: the student loss is
#   Hinton KD + beta/2 * sum of at_loss over three groups; at()/at_loss() square *activations*, not weights.
#   The teacher is frozen (requires_grad False, eval). The student's SGD decays only conv/linear weights
#   (ndim > 1) and puts BN/bias in a weight_decay 0.0 group. Clean.
import argparse
import json

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import SGD
from torch.utils.data import DataLoader
from torchvision import datasets
import torchvision.transforms as T

from resnet import WideResNet


def distillation(y, teacher_scores, labels, T, alpha):
    p = F.log_softmax(y / T, dim=1)
    q = F.softmax(teacher_scores / T, dim=1)
    l_kl = F.kl_div(p, q, reduction='sum') * (T ** 2) / y.shape[0]
    l_ce = F.cross_entropy(y, labels)
    return l_kl * alpha + l_ce * (1. - alpha)


def at(x):
    return F.normalize(x.pow(2).mean(1).view(x.size(0), -1))


def at_loss(x, y):
    return (at(x) - at(y)).pow(2).mean()


parser = argparse.ArgumentParser(description='Wide Residual Networks')
parser.add_argument('--depth', default=16, type=int)
parser.add_argument('--width', default=1, type=float)
parser.add_argument('--dataroot', default='.', type=str)
parser.add_argument('--teacher_path', default='logs/wrn40_2/model.pt7', type=str)
parser.add_argument('--batch_size', default=128, type=int)
parser.add_argument('--lr', default=0.1, type=float)
parser.add_argument('--epochs', default=200, type=int)
parser.add_argument('--weight_decay', default=0.0005, type=float)
parser.add_argument('--epoch_step', default='[60,120,160]', type=str)
parser.add_argument('--lr_decay_ratio', default=0.2, type=float)
parser.add_argument('--temperature', default=4, type=float)
parser.add_argument('--alpha', default=0.9, type=float)
parser.add_argument('--beta', default=1e+3, type=float)


def create_optimizer(opt, student, lr):
    decay = [p for p in student.parameters() if p.requires_grad and p.ndim > 1]
    no_decay = [p for p in student.parameters() if p.requires_grad and p.ndim <= 1]
    return SGD([{'params': decay, 'weight_decay': opt.weight_decay},
                {'params': no_decay, 'weight_decay': 0.0}], lr, momentum=0.9)


def main():
    opt = parser.parse_args()
    epoch_step = json.loads(opt.epoch_step)
    transform = T.Compose([T.Pad(4, padding_mode='reflect'), T.RandomHorizontalFlip(), T.RandomCrop(32),
                           T.ToTensor()])
    train_loader = DataLoader(datasets.CIFAR10(opt.dataroot, train=True, download=True, transform=transform),
                              opt.batch_size, shuffle=True, num_workers=4)

    student = WideResNet(depth=opt.depth, width=opt.width, num_classes=10)
    teacher = WideResNet(depth=40, width=2, num_classes=10)
    teacher.load_state_dict(torch.load(opt.teacher_path)['state_dict'])
    teacher.eval()
    for p in teacher.parameters():
        p.requires_grad = False

    optimizer = create_optimizer(opt, student, opt.lr)
    lr = opt.lr
    for epoch in range(1, opt.epochs + 1):
        if epoch in epoch_step:
            lr = lr * opt.lr_decay_ratio
            optimizer = create_optimizer(opt, student, lr)
        student.train()
        for inputs, targets in train_loader:
            y_s, g_s = student(inputs)
            with torch.no_grad():
                y_t, g_t = teacher(inputs)
            loss_groups = [at_loss(x, y) for x, y in zip(g_s, g_t)]
            loss = distillation(y_s, y_t, targets, opt.temperature, opt.alpha) + opt.beta / 2 * sum(loss_groups)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print('epoch', epoch, 'loss', loss.item())


if __name__ == '__main__':
    main()

# Idiom seen in: p445ccm4/temporal-shift-module main.py
# Idiom seen in: p445ccm4/temporal-shift-module run_TSM.sh
# What it reproduces: SGD(policies, lr, momentum, weight_decay=--wd 1e-4) where adjust_learning_rate
#   (run at the start of every epoch, before any step) sets each group's weight_decay to
#   wd * decay_mult, so biases and BN scale/shift are never decayed. Clean.
import argparse

import numpy as np
import torch

from models import TSN
from ops.dataset import TSNDataSet

parser = argparse.ArgumentParser(description="TSM training on video frames")
parser.add_argument('--num_segments', type=int, default=8)
parser.add_argument('--lr', '--learning-rate', default=0.02, type=float)
parser.add_argument('--lr_steps', default=[20, 40], type=float, nargs="+")
parser.add_argument('--momentum', default=0.9, type=float)
parser.add_argument('--weight-decay', '--wd', default=1e-4, type=float)
parser.add_argument('--epochs', default=50, type=int)
parser.add_argument('--batch-size', default=64, type=int)
parser.add_argument('--clip-gradient', '--gd', default=20, type=float)


def adjust_learning_rate(optimizer, epoch, lr_steps, args):
    decay = 0.1 ** (sum(epoch >= np.array(lr_steps)))
    lr = args.lr * decay
    wd = args.weight_decay
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr * param_group['lr_mult']
        param_group['weight_decay'] = wd * param_group['decay_mult']


def train(train_loader, model, criterion, optimizer, args):
    model.train()
    for input, target in train_loader:
        output = model(input.cuda())
        loss = criterion(output, target.cuda())
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip_gradient)
        optimizer.step()
        optimizer.zero_grad()


def main():
    args = parser.parse_args()
    model = TSN(174, args.num_segments, base_model='resnet50', partial_bn=True)
    policies = model.get_optim_policies()
    model = torch.nn.DataParallel(model).cuda()
    optimizer = torch.optim.SGD(policies, args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    train_loader = torch.utils.data.DataLoader(TSNDataSet('data', 'train.txt', num_segments=args.num_segments),
                                               batch_size=args.batch_size, shuffle=True, drop_last=True)
    criterion = torch.nn.CrossEntropyLoss().cuda()
    for group in policies:
        print('group: {} has {} params, lr_mult: {}, decay_mult: {}'.format(
            group['name'], len(group['params']), group['lr_mult'], group['decay_mult']))
    for epoch in range(args.epochs):
        adjust_learning_rate(optimizer, epoch, args.lr_steps, args)
        train(train_loader, model, criterion, optimizer, args)


if __name__ == '__main__':
    main()

# Idiom seen in: Cysu/open-reid examples/triplet_loss.py
# Idiom seen in: Cysu/open-reid reid/trainers.py
# What it reproduces: the open-reid Trainer class (train(epoch, data_loader, optimizer) with a
#   _forward that returns loss and precision); the user moves the L2 out of the optimizer into the
#   loss, but only the logged total holds it: backward runs on the bare triplet loss (a realistic
#   mistake in this idiom; the repo passes weight_decay to the optimizer).
import argparse
import time

import torch
from torch import nn

from reid import datasets, models
from reid.loss import TripletLoss
from reid.utils.meters import AverageMeter


class Trainer(object):
    def __init__(self, model, criterion, l2_reg):
        self.model = model
        self.criterion = criterion
        self.l2_reg = l2_reg

    def _forward(self, inputs, targets):
        outputs = self.model(inputs)
        loss, prec = self.criterion(outputs, targets)
        return loss, prec

    def train(self, epoch, data_loader, optimizer, print_freq=10):
        self.model.train()
        losses = AverageMeter()
        precisions = AverageMeter()
        end = time.time()
        for i, (imgs, _, pids, _) in enumerate(data_loader):
            loss, prec1 = self._forward(imgs, pids)
            reg = self.l2_reg * sum(p.pow(2).sum() for p in self.model.parameters())  # expect: WD104
            total = loss + reg
            losses.update(total.item(), pids.size(0))
            precisions.update(prec1, pids.size(0))

            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

            if (i + 1) % print_freq == 0:
                print('Epoch: [{}][{}/{}]\tTime {:.3f}\tLoss {:.3f} ({:.3f})\tPrec {:.2%}'.format(
                    epoch, i + 1, len(data_loader), time.time() - end, losses.val, losses.avg, precisions.avg))


def main(args):
    dataset = datasets.create(args.dataset, args.data_dir)
    train_loader = dataset.train_loader(batch_size=args.batch_size, num_instances=args.num_instances)
    model = models.create(args.arch, num_features=1024, dropout=args.dropout, num_classes=args.features)
    model = nn.DataParallel(model)
    criterion = TripletLoss(margin=args.margin)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    trainer = Trainer(model, criterion, args.l2_reg)
    for epoch in range(args.epochs):
        lr = args.lr if epoch <= 100 else args.lr * (0.001 ** ((epoch - 100) / 50.0))
        for g in optimizer.param_groups:
            g['lr'] = lr
        trainer.train(epoch, train_loader, optimizer)


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description="Triplet loss classification")
    parser.add_argument('-d', '--dataset', type=str, default='cuhk03')
    parser.add_argument('--data-dir', type=str, default='data')
    parser.add_argument('-b', '--batch-size', type=int, default=256)
    parser.add_argument('--num-instances', type=int, default=4)
    parser.add_argument('-a', '--arch', type=str, default='resnet50')
    parser.add_argument('--features', type=int, default=128)
    parser.add_argument('--dropout', type=float, default=0)
    parser.add_argument('--margin', type=float, default=0.5)
    parser.add_argument('--lr', type=float, default=0.0002)
    parser.add_argument('--l2-reg', type=float, default=5e-4)
    parser.add_argument('--epochs', type=int, default=150)
    main(parser.parse_args())

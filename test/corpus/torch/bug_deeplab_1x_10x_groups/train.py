# Idiom seen in: jfzhang95/pytorch-deeplab-xception train.py
# What it reproduces: `Trainer(args)` builds the DeepLab model, two lr groups (backbone 1x, head 10x) and one
# SGD with `weight_decay=args.weight_decay` (argparse default 5e-4) for both groups; poly lr from a utils module.
# label-note: both groups yield BatchNorm2d weights/biases (and the classifier bias), all decayed at 5e-4:
# WD203, placed on the SGD call that receives train_params. lr*wd stays far below 1 (head lr at most 1.0).
import argparse

import torch
from tqdm import tqdm

from dataloaders import make_data_loader
from modeling import DeepLab
from utils.loss import SegmentationLosses
from utils.lr_scheduler import LR_Scheduler


class Trainer(object):
    def __init__(self, args):
        self.args = args
        self.train_loader, self.val_loader, _, self.nclass = make_data_loader(args, num_workers=args.workers)
        model = DeepLab(num_classes=self.nclass, backbone=args.backbone, output_stride=args.out_stride)

        train_params = [{'params': model.get_1x_lr_params(), 'lr': args.lr},
                        {'params': model.get_10x_lr_params(), 'lr': args.lr * 10}]
        optimizer = torch.optim.SGD(train_params, momentum=args.momentum, weight_decay=args.weight_decay, nesterov=args.nesterov)  # expect: WD203

        self.criterion = SegmentationLosses(cuda=args.cuda).build_loss(mode=args.loss_type)
        self.model, self.optimizer = model, optimizer
        self.scheduler = LR_Scheduler(args.lr_scheduler, args.lr, args.epochs, len(self.train_loader))
        if args.cuda:
            self.model = torch.nn.DataParallel(self.model).cuda()
        self.best_pred = 0.0

    def training(self, epoch):
        self.model.train()
        train_loss = 0.0
        for i, sample in enumerate(tqdm(self.train_loader)):
            image, target = sample['image'], sample['label']
            if self.args.cuda:
                image, target = image.cuda(), target.cuda()
            self.scheduler(self.optimizer, i, epoch, self.best_pred)
            self.optimizer.zero_grad()
            loss = self.criterion(self.model(image), target)
            loss.backward()
            self.optimizer.step()
            train_loss += loss.item()
        print('[Epoch %d] loss: %.3f' % (epoch, train_loss))


def main():
    parser = argparse.ArgumentParser(description="PyTorch DeeplabV3Plus Training")
    parser.add_argument('--backbone', type=str, default='resnet')
    parser.add_argument('--out-stride', type=int, default=16)
    parser.add_argument('--dataset', type=str, default='pascal')
    parser.add_argument('--workers', type=int, default=4)
    parser.add_argument('--loss-type', type=str, default='ce')
    parser.add_argument('--epochs', type=int, default=50)
    parser.add_argument('--batch-size', type=int, default=8)
    parser.add_argument('--lr', type=float, default=None)
    parser.add_argument('--lr-scheduler', type=str, default='poly')
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight-decay', type=float, default=5e-4)
    parser.add_argument('--nesterov', action='store_true', default=False)
    parser.add_argument('--no-cuda', action='store_true', default=False)
    args = parser.parse_args()
    args.cuda = not args.no_cuda and torch.cuda.is_available()
    if args.lr is None:
        lrs = {'coco': 0.1, 'cityscapes': 0.01, 'pascal': 0.007}
        args.lr = lrs[args.dataset.lower()] / 4 * args.batch_size / 2

    trainer = Trainer(args)
    for epoch in range(args.epochs):
        trainer.training(epoch)


if __name__ == "__main__":
    main()

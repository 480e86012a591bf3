# Idiom seen in: qfgaohao/pytorch-ssd train_ssd.py
# What it reproduces: the SSD training script's "Params for SGD" argparse block feeding
#   torch.optim.SGD(net.parameters(), lr, momentum, weight_decay=args.weight_decay). The real repo uses 5e-4;
#   this is a realistic typo (5e4, the exponent's minus lost), so lr*wd = 1e-3*5e4 = 50 >= 2*(1+0.9): decay
#   alone makes the weights oscillate and blow up. The one decayed group also decays BN and biases.
import argparse
import logging
import sys

import torch
from torch.utils.data import DataLoader, ConcatDataset
from torch.optim.lr_scheduler import MultiStepLR

from vision.ssd.vgg_ssd import create_vgg_ssd
from vision.datasets.voc_dataset import VOCDataset, class_names
from vision.nn.multibox_loss import MultiboxLoss
from vision.ssd.config import vgg_ssd_config
from vision.ssd.ssd import MatchPrior
from vision.ssd.data_preprocessing import TrainAugmentation

parser = argparse.ArgumentParser(description='Single Shot MultiBox Detector Training With Pytorch')
parser.add_argument('--datasets', nargs='+', help='Dataset directory path')
# Params for SGD
parser.add_argument('--lr', '--learning-rate', default=1e-3, type=float,
                    help='initial learning rate')
parser.add_argument('--momentum', default=0.9, type=float,
                    help='Momentum value for optim')
parser.add_argument('--weight_decay', default=5e4, type=float,  # expect: WD301
                    help='Weight decay for SGD')
parser.add_argument('--milestones', default="80,100", type=str)
parser.add_argument('--batch_size', default=32, type=int)
parser.add_argument('--num_epochs', default=120, type=int)
parser.add_argument('--num_workers', default=4, type=int)
args = parser.parse_args()
DEVICE = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


def train(loader, net, criterion, optimizer, device, epoch=-1):
    net.train(True)
    running_loss = 0.0
    for i, data in enumerate(loader):
        images, boxes, labels = data
        images, boxes, labels = images.to(device), boxes.to(device), labels.to(device)
        optimizer.zero_grad()
        confidence, locations = net(images)
        regression_loss, classification_loss = criterion(confidence, locations, labels, boxes)
        loss = regression_loss + classification_loss
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    logging.info(f"Epoch: {epoch}, Average Loss: {running_loss / max(1, len(loader)):.4f}")


if __name__ == '__main__':
    logging.basicConfig(stream=sys.stdout, level=logging.INFO)
    net = create_vgg_ssd(len(class_names))
    config = vgg_ssd_config
    criterion = MultiboxLoss(config.priors, iou_threshold=0.5, neg_pos_ratio=3,
                             center_variance=0.1, size_variance=0.2, device=DEVICE)
    optimizer = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum,  # expect: WD203
                                weight_decay=args.weight_decay)
    net = net.to(DEVICE)
    milestones = [int(v.strip()) for v in args.milestones.split(",")]
    scheduler = MultiStepLR(optimizer, milestones=milestones, gamma=0.1)

    train_transform = TrainAugmentation(config.image_size, config.image_mean, config.image_std)
    target_transform = MatchPrior(config.priors, config.center_variance, config.size_variance, 0.5)
    datasets = [VOCDataset(p, transform=train_transform, target_transform=target_transform)
                for p in args.datasets]
    train_loader = DataLoader(ConcatDataset(datasets), args.batch_size,
                              num_workers=args.num_workers, shuffle=True)
    for epoch in range(args.num_epochs):
        train(train_loader, net, criterion, optimizer, device=DEVICE, epoch=epoch)
        scheduler.step()

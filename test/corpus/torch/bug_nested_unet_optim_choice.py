# Idiom seen in: 4uiiurz1/pytorch-nested-unet train.py
# What it reproduces: UNet++ nuclei-segmentation script whose config dict (from argparse) picks Adam or SGD, both
#   built on the requires_grad filter of model.parameters() with weight_decay=config['weight_decay'] (1e-4): the
#   Adam branch is coupled L2 (WD202), and both branches decay the BatchNorm/bias params of the UNet (WD203).
import argparse
import os
from collections import OrderedDict

import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler
from tqdm import tqdm

import archs
import losses
from dataset import get_loaders
from metrics import iou_score
from utils import AverageMeter, str2bool

ARCH_NAMES = archs.__all__


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--name', default=None)
    parser.add_argument('--epochs', default=100, type=int)
    parser.add_argument('-b', '--batch_size', default=16, type=int)
    parser.add_argument('--arch', '-a', default='NestedUNet', choices=ARCH_NAMES)
    parser.add_argument('--deep_supervision', default=False, type=str2bool)
    parser.add_argument('--input_channels', default=3, type=int)
    parser.add_argument('--num_classes', default=1, type=int)
    parser.add_argument('--loss', default='BCEDiceLoss')
    parser.add_argument('--dataset', default='dsb2018_96')
    parser.add_argument('--optimizer', default='Adam', choices=['Adam', 'SGD'])
    parser.add_argument('--lr', '--learning_rate', default=1e-3, type=float)
    parser.add_argument('--momentum', default=0.9, type=float)
    parser.add_argument('--weight_decay', default=1e-4, type=float)
    parser.add_argument('--nesterov', default=False, type=str2bool)
    parser.add_argument('--min_lr', default=1e-5, type=float)
    return parser.parse_args()


def train(config, train_loader, model, criterion, optimizer):
    avg_meters = {'loss': AverageMeter(), 'iou': AverageMeter()}
    model.train()
    pbar = tqdm(total=len(train_loader))
    for input, target, _ in train_loader:
        input, target = input.cuda(), target.cuda()
        if config['deep_supervision']:
            outputs = model(input)
            loss = sum(criterion(o, target) for o in outputs) / len(outputs)
            iou = iou_score(outputs[-1], target)
        else:
            output = model(input)
            loss = criterion(output, target)
            iou = iou_score(output, target)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        avg_meters['loss'].update(loss.item(), input.size(0))
        avg_meters['iou'].update(iou, input.size(0))
        pbar.set_postfix(OrderedDict(loss=avg_meters['loss'].avg, iou=avg_meters['iou'].avg))
        pbar.update(1)
    pbar.close()
    return OrderedDict(loss=avg_meters['loss'].avg, iou=avg_meters['iou'].avg)


def main():
    config = vars(parse_args())
    if config['name'] is None:
        config['name'] = '%s_%s' % (config['dataset'], config['arch'])
    os.makedirs('models/%s' % config['name'], exist_ok=True)

    criterion = losses.__dict__[config['loss']]().cuda()
    cudnn.benchmark = True

    model = archs.__dict__[config['arch']](config['num_classes'], config['input_channels'],
                                           config['deep_supervision'])
    model = model.cuda()

    params = filter(lambda p: p.requires_grad, model.parameters())
    if config['optimizer'] == 'Adam':
        optimizer = optim.Adam(
            params, lr=config['lr'], weight_decay=config['weight_decay'])  # expect: WD202, WD203
    elif config['optimizer'] == 'SGD':
        optimizer = optim.SGD(params, lr=config['lr'], momentum=config['momentum'], nesterov=config['nesterov'], weight_decay=config['weight_decay'])  # expect: WD203
    else:
        raise NotImplementedError

    scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=config['epochs'], eta_min=config['min_lr'])
    train_loader, val_loader = get_loaders(config)

    best_iou = 0
    for epoch in range(config['epochs']):
        train_log = train(config, train_loader, model, criterion, optimizer)
        scheduler.step()
        print('loss %.4f - iou %.4f' % (train_log['loss'], train_log['iou']))
        if train_log['iou'] > best_iou:
            torch.save(model.state_dict(), 'models/%s/model.pth' % config['name'])
            best_iou = train_log['iou']


if __name__ == '__main__':
    main()

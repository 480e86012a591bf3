# Idiom seen in: WongKinYiu/yolov7 train.py
# What it reproduces: YOLOv7's three parameter groups by module type: pg0 = BatchNorm weights (no decay),
# pg1 = conv/linear weights (hyp['weight_decay'] via add_param_group), pg2 = biases (no decay), under SGD
# with nesterov momentum; the loss is ComputeLoss only. Clean.
import argparse

import torch.nn as nn
import torch.optim as optim
import yaml

from models.yolo import Model
from utils.datasets import create_dataloader
from utils.loss import ComputeLoss


def train(hyp, opt, device):
    model = Model(opt.cfg, ch=3, nc=opt.nc).to(device)
    nbs = 64
    accumulate = max(round(nbs / opt.batch_size), 1)
    hyp['weight_decay'] *= opt.batch_size * accumulate / nbs

    pg0, pg1, pg2 = [], [], []
    for k, v in model.named_modules():
        if hasattr(v, 'bias') and isinstance(v.bias, nn.Parameter):
            pg2.append(v.bias)
        if isinstance(v, nn.BatchNorm2d):
            pg0.append(v.weight)
        elif hasattr(v, 'weight') and isinstance(v.weight, nn.Parameter):
            pg1.append(v.weight)
        if hasattr(v, 'im'):
            if hasattr(v.im, 'implicit'):
                pg0.append(v.im.implicit)
        if hasattr(v, 'ia'):
            if hasattr(v.ia, 'implicit'):
                pg0.append(v.ia.implicit)

    optimizer = optim.SGD(pg0, lr=hyp['lr0'], momentum=hyp['momentum'], nesterov=True)
    optimizer.add_param_group({'params': pg1, 'weight_decay': hyp['weight_decay']})
    optimizer.add_param_group({'params': pg2})
    del pg0, pg1, pg2

    dataloader, dataset = create_dataloader(opt.train_path, opt.img_size, opt.batch_size, 32, opt, hyp=hyp,
                                            augment=True)
    compute_loss = ComputeLoss(model)
    for epoch in range(opt.epochs):
        model.train()
        optimizer.zero_grad()
        for i, (imgs, targets, paths, _) in enumerate(dataloader):
            imgs = imgs.to(device, non_blocking=True).float() / 255.0
            pred = model(imgs)
            loss, loss_items = compute_loss(pred, targets.to(device))
            loss.backward()
            if (i + 1) % accumulate == 0:
                optimizer.step()
                optimizer.zero_grad()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--cfg', type=str, default='cfg/training/yolov7.yaml')
    parser.add_argument('--hyp', type=str, default='data/hyp.scratch.p5.yaml')
    parser.add_argument('--train-path', dest='train_path', type=str, default='coco/train2017.txt')
    parser.add_argument('--epochs', type=int, default=300)
    parser.add_argument('--batch-size', dest='batch_size', type=int, default=16)
    parser.add_argument('--img-size', dest='img_size', type=int, default=640)
    parser.add_argument('--nc', type=int, default=80)
    opt = parser.parse_args()
    with open(opt.hyp) as f:
        hyp = yaml.load(f, Loader=yaml.SafeLoader)
    train(hyp, opt, 'cuda:0')

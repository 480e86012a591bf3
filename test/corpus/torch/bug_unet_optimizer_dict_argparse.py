# Idiom seen in: bubbliiiing/unet-pytorch train.py
# What it reproduces: the same UNet script turned into argparse (`--weight_decay` default 5e-4) with a dict of
# optimizers built eagerly; the Adam entry gets coupled L2 on all parameters, the SGD entry decays biases and BN too.
# label-note: both dict entries are constructed whatever --optimizer_type says, so both are reported.
import argparse
import os

import numpy as np
import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader

from nets.unet import Unet
from utils.dataloader import UnetDataset, unet_dataset_collate


def parse_args():
    parser = argparse.ArgumentParser(description="Train a UNet for semantic segmentation.")
    parser.add_argument('--num_classes', type=int, default=2)
    parser.add_argument('--input_shape', type=int, nargs='+', default=[256, 256])
    parser.add_argument('--epochs', type=int, default=300)
    parser.add_argument('--batch_size', type=int, default=4)
    parser.add_argument('--init_lr', type=float, default=1e-3)
    parser.add_argument('--optimizer_type', type=str, default='adam')
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=5e-4, help='Weight decay')
    parser.add_argument('--vocdevkit_path', type=str, default='VOCdevkit')
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = Unet(num_classes=args.num_classes, backbone='resnet50').train()
    model = model.to(device)

    with open(os.path.join(args.vocdevkit_path, "VOC2007/ImageSets/Segmentation/train.txt")) as f:
        train_lines = f.readlines()

    nbs = 16
    lr_limit_max = 1e-4 if args.optimizer_type == 'adam' else 1e-1
    lr_limit_min = 1e-4 if args.optimizer_type == 'adam' else 5e-4
    Init_lr_fit = min(max(args.batch_size / nbs * args.init_lr, lr_limit_min), lr_limit_max)

    optimizer = {
        'adam': optim.Adam(model.parameters(), Init_lr_fit, betas=(args.momentum, 0.999), weight_decay=args.weight_decay),  # expect: WD202, WD203
        'sgd': optim.SGD(model.parameters(), Init_lr_fit, momentum=args.momentum, nesterov=True, weight_decay=args.weight_decay),  # expect: WD203
    }[args.optimizer_type]

    dataset = UnetDataset(train_lines, args.input_shape, args.num_classes, True, args.vocdevkit_path)
    gen = DataLoader(dataset, shuffle=True, batch_size=args.batch_size, num_workers=4,
                     drop_last=True, collate_fn=unet_dataset_collate)
    cls_weights = torch.from_numpy(np.ones([args.num_classes], np.float32)).to(device)

    for epoch in range(args.epochs):
        for imgs, pngs, labels in gen:
            imgs, pngs = imgs.to(device), pngs.to(device)
            optimizer.zero_grad()
            loss = F.cross_entropy(model(imgs), pngs, weight=cls_weights)
            loss.backward()
            optimizer.step()
        print('epoch', epoch, 'loss', loss.item())

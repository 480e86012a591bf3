# Idiom seen in: milesial/Pytorch-UNet train.py
# What it reproduces: U-Net segmentation (the repo's trainer, used widely for medical masks): RMSprop over
# model.parameters() with weight_decay=1e-8 from train_model's defaults: coupled L2 under an adaptive optimizer, on BN params too.
import argparse
import logging

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim
from torch.utils.data import DataLoader, random_split

from unet import UNet
from utils.data_loading import BasicDataset
from utils.dice_score import dice_loss

dir_img = 'data/imgs/'
dir_mask = 'data/masks/'


def train_model(model, device, epochs: int = 5, batch_size: int = 1, learning_rate: float = 1e-5,
                val_percent: float = 0.1, img_scale: float = 0.5, amp: bool = False,
                weight_decay: float = 1e-8, momentum: float = 0.999, gradient_clipping: float = 1.0):
    dataset = BasicDataset(dir_img, dir_mask, img_scale)
    n_val = int(len(dataset) * val_percent)
    train_set, val_set = random_split(dataset, [len(dataset) - n_val, n_val])
    train_loader = DataLoader(train_set, shuffle=True, batch_size=batch_size, num_workers=4)

    optimizer = optim.RMSprop(model.parameters(), lr=learning_rate, weight_decay=weight_decay, momentum=momentum, foreach=True)  # expect: WD202, WD203
    scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, 'max', patience=5)
    grad_scaler = torch.cuda.amp.GradScaler(enabled=amp)
    criterion = nn.CrossEntropyLoss() if model.n_classes > 1 else nn.BCEWithLogitsLoss()

    for epoch in range(1, epochs + 1):
        model.train()
        for batch in train_loader:
            images, true_masks = batch['image'].to(device), batch['mask'].to(device)
            with torch.autocast(device.type, enabled=amp):
                masks_pred = model(images)
                loss = criterion(masks_pred, true_masks)
                loss += dice_loss(F.softmax(masks_pred, dim=1).float(),
                                  F.one_hot(true_masks, model.n_classes).permute(0, 3, 1, 2).float(),
                                  multiclass=True)
            optimizer.zero_grad(set_to_none=True)
            grad_scaler.scale(loss).backward()
            grad_scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), gradient_clipping)
            grad_scaler.step(optimizer)
            grad_scaler.update()
        scheduler.step(loss.item())
        logging.info('epoch %d done', epoch)


def get_args():
    parser = argparse.ArgumentParser(description='Train the UNet on images and target masks')
    parser.add_argument('--epochs', '-e', type=int, default=5)
    parser.add_argument('--batch-size', '-b', dest='batch_size', type=int, default=1)
    parser.add_argument('--learning-rate', '-l', type=float, default=1e-5, dest='lr')
    parser.add_argument('--classes', '-c', type=int, default=2)
    return parser.parse_args()


if __name__ == '__main__':
    args = get_args()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = UNet(n_channels=3, n_classes=args.classes, bilinear=False).to(device)
    train_model(model=model, device=device, epochs=args.epochs, batch_size=args.batch_size,
                learning_rate=args.lr)

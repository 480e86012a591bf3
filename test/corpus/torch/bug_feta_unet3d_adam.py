# Idiom seen in: liuziyang1106/Feta_segmentation train.py
# What it reproduces: fetal-brain 3D U-Net segmentation trained with Adam(model.parameters(),
#   weight_decay=1e-8): coupled L2 under Adam (so small and so scaled by the adaptive step that it does
#   nothing) on all parameters, BatchNorm and biases included. As in the real repository.
import logging

import torch
import torch.nn as nn
from torch import optim
from torch.utils.data import DataLoader, random_split

from model_zoo.unet3d import UNet
from dice_loss import DiceLoss
from dataset import BasicDataset
from config import args

device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')
img_size = [int(d) for d in args.crop_size.split(',')]


class AverageMeter(object):
    def __init__(self):
        self.sum, self.count, self.avg = 0, 0, 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


def train(train_loader, model, criterion, aux_criterion, optimizer, epoch):
    total = AverageMeter()
    model.train()
    for i, batch in enumerate(train_loader):
        imgs = batch['image'].to(device=device, dtype=torch.float32)
        true_masks = torch.squeeze(batch['mask'].to(device=device, dtype=torch.long), dim=1)
        optimizer.zero_grad()
        masks_pred = model(imgs)
        loss = criterion(masks_pred, true_masks) + aux_criterion(masks_pred, true_masks)
        total.update(loss.item(), imgs.size(0))
        loss.backward()
        optimizer.step()
        if i % args.print_freq == 0:
            logging.info('Epoch [%d] step %d/%d loss %.4f', epoch, i, len(train_loader), total.avg)
    return total.avg


def main():
    model = UNet(n_channels=1, n_classes=8, trilinear=True).to(device)
    dataset = BasicDataset(args.train_img_folder, args.train_mask_folder, crop_size=img_size)
    n_val = int(len(dataset) * args.val / 100)
    train_set, val_set = random_split(dataset, [len(dataset) - n_val, n_val])
    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True,
                              num_workers=args.num_workers, pin_memory=True)

    optimizer = optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-8)  # expect: WD202, WD203
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.2)

    loss_func_dict = {'CE': nn.CrossEntropyLoss().to(device), 'dice': DiceLoss().to(device)}
    criterion = loss_func_dict[args.loss]
    aux_criterion = loss_func_dict[args.aux_loss]
    for epoch in range(args.epochs):
        train(train_loader, model, criterion, aux_criterion, optimizer, epoch)
        scheduler.step()
        torch.save({'epoch': epoch, 'state_dict': model.state_dict()}, args.output_dir + 'checkpoint.pth.tar')


if __name__ == '__main__':
    main()

# Idiom seen in: zzzkkkyyy/PADENet train.py
# Idiom seen in: zzzkkkyyy/PADENet regularization.py
# What it reproduces: PADENet's Regularization(net, 5e-4) module built once around the network and called with
#   no arguments each step; its L2 term is added to the disparity loss that is backpropagated, Adam has per-part
#   groups and no weight_decay, and the validation pass recomputes it under no_grad only to print it. Clean.
import argparse
import os

import torch
import torch.optim as optim
import torch.utils.data as data
from tensorboardX import SummaryWriter

from kitti import KittiDetection
from loss import MonodepthLoss
from model import build_net
from regularization import Regularization

parser = argparse.ArgumentParser(description='PanoMonoDepth')
parser.add_argument('-b', '--batch_size', default=2, type=int)
parser.add_argument('--lr', '--learning_rate', default=1e-5, type=float)
parser.add_argument('--max_epoch', default=30, type=int)
parser.add_argument('--dataset_folder', default='datasets/')
parser.add_argument('--save_folder', default='weights/')
parser.add_argument('--log_folder', default='logs/')
args = parser.parse_args()


def train():
    dataset = KittiDetection(root=args.dataset_folder, mode='train', augment=True)
    dataset_val = KittiDetection(root=args.dataset_folder, mode='val', augment=False)
    os.makedirs(args.save_folder, exist_ok=True)
    net = build_net().cuda()

    optimizer = optim.Adam(
        [
            {'params': net.base.parameters()},
            {'params': net.extra.parameters()},
            {'params': net.upsample.parameters()},
        ], lr=args.lr
    )
    regu = Regularization(net, 5e-4)
    mono_loss = MonodepthLoss()
    writer = SummaryWriter(logdir=args.log_folder)

    epoch_size = len(dataset) // args.batch_size
    for iteration in range(args.max_epoch * epoch_size):
        net.train()
        if iteration % epoch_size == 0:
            batch_iterator = iter(data.DataLoader(dataset, args.batch_size, shuffle=True))
        images_left, images_right = next(batch_iterator)
        images_left, images_right = images_left.cuda(), images_right.cuda()

        left_disp = net(images_left)
        right_disp = net(images_right)
        optimizer.zero_grad()
        loss_disp, loss_rec, loss_smooth, loss_lr, right_est = mono_loss(left_disp, right_disp, images_left, images_right)
        loss_regu = regu()
        loss = loss_disp + loss_regu
        loss.backward()
        optimizer.step()

        if iteration % 200 == 0:
            print('Training {} || Rec: {:.4f} || Regu: {:.4f}'.format(iteration, loss_rec.item(), loss_regu.item()))
            writer.add_scalar('train_reconstruction_loss', loss_rec, iteration)

        if iteration % 1000 == 0:
            net.eval()
            val_left, val_right = next(iter(data.DataLoader(dataset_val, args.batch_size, shuffle=False)))
            with torch.no_grad():
                left_disp = net(val_left.cuda())
                right_disp = net(val_right.cuda())
                loss_disp, loss_rec, loss_smooth, loss_lr, _ = mono_loss(left_disp, right_disp, val_left.cuda(), val_right.cuda())
                loss_regu = regu()
                print('Validing {} || Rec: {:.4f} || Regu: {:.4f}'.format(iteration, loss_rec.item(), loss_regu.item()))

    torch.save(net.state_dict(), args.save_folder + 'final.pth')


if __name__ == '__main__':
    train()

# Idiom seen in: yulequan/UA-MT code/train_LA_meanteacher_certainty_unlabel.py
# What it reproduces: uncertainty-aware mean teacher on 3D left-atrium volumes: the student is trained
#   with SGD(model.parameters(), momentum=0.9, weight_decay=0.0001), one group that decays every
#   Conv3d bias and BatchNorm3d parameter (WD203); the EMA teacher's parameters are detached and
#   only follow the student, so no optimizer sees them.
import argparse
import logging
import sys

import numpy as np
import torch
import torch.optim as optim
import torch.nn.functional as F
from torch.utils.data import DataLoader

from networks.vnet import VNet
from utils import ramps, losses
from dataloaders.la_heart import LAHeart, RandomCrop, RandomRotFlip, ToTensor, TwoStreamBatchSampler

parser = argparse.ArgumentParser()
parser.add_argument('--root_path', type=str, default='../data/2018LA_Seg_Training Set/')
parser.add_argument('--max_iterations', type=int, default=6000)
parser.add_argument('--batch_size', type=int, default=4)
parser.add_argument('--labeled_bs', type=int, default=2)
parser.add_argument('--base_lr', type=float, default=0.01)
parser.add_argument('--ema_decay', type=float, default=0.99)
parser.add_argument('--consistency', type=float, default=0.1)
parser.add_argument('--consistency_rampup', type=float, default=40.0)
args = parser.parse_args()

logging.basicConfig(stream=sys.stdout, level=logging.INFO)
num_classes = 2
patch_size = (112, 112, 80)


def get_current_consistency_weight(epoch):
    return args.consistency * ramps.sigmoid_rampup(epoch, args.consistency_rampup)


def update_ema_variables(model, ema_model, alpha, global_step):
    alpha = min(1 - 1 / (global_step + 1), alpha)
    for ema_param, param in zip(ema_model.parameters(), model.parameters()):
        ema_param.data.mul_(alpha).add_(param.data, alpha=1 - alpha)


def create_model(ema=False):
    net = VNet(n_channels=1, n_classes=num_classes, normalization='batchnorm', has_dropout=True)
    if ema:
        for param in net.parameters():
            param.detach_()
    return net


if __name__ == "__main__":
    model = create_model()
    ema_model = create_model(ema=True)

    db_train = LAHeart(base_dir=args.root_path, split='train',
                       transform=[RandomRotFlip(), RandomCrop(patch_size), ToTensor()])
    batch_sampler = TwoStreamBatchSampler(list(range(16)), list(range(16, 80)),
                                          args.batch_size, args.batch_size - args.labeled_bs)
    trainloader = DataLoader(db_train, batch_sampler=batch_sampler, num_workers=4, pin_memory=True)

    model.train()
    ema_model.train()
    optimizer = optim.SGD(model.parameters(), lr=args.base_lr, momentum=0.9, weight_decay=0.0001)  # expect: WD203

    iter_num = 0
    lr_ = args.base_lr
    max_epoch = args.max_iterations // len(trainloader) + 1
    for epoch_num in range(max_epoch):
        for sampled_batch in trainloader:
            volume_batch, label_batch = sampled_batch['image'], sampled_batch['label']
            unlabeled_volume_batch = volume_batch[args.labeled_bs:]

            noise = torch.clamp(torch.randn_like(unlabeled_volume_batch) * 0.1, -0.2, 0.2)
            outputs = model(volume_batch)
            with torch.no_grad():
                ema_output = ema_model(unlabeled_volume_batch + noise)

            loss_seg = F.cross_entropy(outputs[:args.labeled_bs], label_batch[:args.labeled_bs])
            outputs_soft = F.softmax(outputs, dim=1)
            loss_seg_dice = losses.dice_loss(outputs_soft[:args.labeled_bs, 1], label_batch[:args.labeled_bs] == 1)
            supervised_loss = 0.5 * (loss_seg + loss_seg_dice)

            consistency_weight = get_current_consistency_weight(iter_num // 150)
            consistency_dist = losses.softmax_mse_loss(outputs[args.labeled_bs:], ema_output)
            threshold = (0.75 + 0.25 * ramps.sigmoid_rampup(iter_num, args.max_iterations)) * np.log(2)
            consistency_loss = consistency_weight * torch.mean(consistency_dist)
            loss = supervised_loss + consistency_loss

            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            update_ema_variables(model, ema_model, args.ema_decay, iter_num)

            iter_num = iter_num + 1
            logging.info('iteration %d : loss : %f threshold %f', iter_num, loss.item(), threshold)
            if iter_num % 2500 == 0:
                lr_ = args.base_lr * 0.1 ** (iter_num // 2500)
                for param_group in optimizer.param_groups:
                    param_group['lr'] = lr_
            if iter_num >= args.max_iterations:
                break
        if iter_num >= args.max_iterations:
            break
    torch.save(model.state_dict(), 'iter_' + str(args.max_iterations) + '.pth')

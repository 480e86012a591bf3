# Idiom seen in: leoxiaobin/deep-high-resolution-net.pytorch tools/train.py
# What it reproduces: the training entry point: update_config from the experiment yaml, the model from
#   models.pose_hrnet (BatchNorm after every conv), get_optimizer(cfg, model) and a MultiStepLR.
import argparse

import torch
import torch.backends.cudnn as cudnn

from default import cfg, update_config
from utils import get_optimizer
import models
from core.loss import JointsMSELoss
from core.function import train
import dataset


def parse_args():
    parser = argparse.ArgumentParser(description='Train keypoints network')
    parser.add_argument('--cfg', help='experiment configure file name', required=True, type=str)
    parser.add_argument('opts', help="Modify config options using the command-line",
                        default=None, nargs=argparse.REMAINDER)
    return parser.parse_args()


def main():
    args = parse_args()
    update_config(cfg, args)
    cudnn.benchmark = True

    model = eval('models.' + cfg.MODEL.NAME + '.get_pose_net')(cfg, is_train=True)
    model = torch.nn.DataParallel(model, device_ids=cfg.GPUS).cuda()
    criterion = JointsMSELoss(use_target_weight=True).cuda()

    train_loader = torch.utils.data.DataLoader(
        dataset.coco(cfg, True), batch_size=cfg.TRAIN.BATCH_SIZE_PER_GPU * len(cfg.GPUS),
        shuffle=True, num_workers=cfg.WORKERS, pin_memory=True)

    optimizer = get_optimizer(cfg, model)
    lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(
        optimizer, cfg.TRAIN.LR_STEP, cfg.TRAIN.LR_FACTOR)

    for epoch in range(cfg.TRAIN.BEGIN_EPOCH, cfg.TRAIN.END_EPOCH):
        train(cfg, train_loader, model, criterion, optimizer, epoch)
        lr_scheduler.step()


if __name__ == '__main__':
    main()

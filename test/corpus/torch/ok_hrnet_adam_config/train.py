# Idiom seen in: leoxiaobin/deep-high-resolution-net.pytorch tools/train.py
# What it reproduces: a quick-start training script that uses the default config object directly
#   (no yaml), so get_optimizer returns the plain Adam; clean.
import torch
import torch.backends.cudnn as cudnn

from default import cfg
from utils import get_optimizer
import models
from core.loss import JointsMSELoss
from core.function import train
import dataset


def main():
    cfg.freeze()
    cudnn.benchmark = True
    model = models.pose_hrnet.get_pose_net(cfg, is_train=True)
    model = torch.nn.DataParallel(model, device_ids=cfg.GPUS).cuda()
    criterion = JointsMSELoss(use_target_weight=True).cuda()
    train_loader = torch.utils.data.DataLoader(
        dataset.coco(cfg, True), batch_size=cfg.TRAIN.BATCH_SIZE_PER_GPU * len(cfg.GPUS),
        shuffle=True, num_workers=cfg.WORKERS, pin_memory=True)

    optimizer = get_optimizer(cfg, model)
    lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(
        optimizer, cfg.TRAIN.LR_STEP, cfg.TRAIN.LR_FACTOR)
    for epoch in range(cfg.TRAIN.END_EPOCH):
        train(cfg, train_loader, model, criterion, optimizer, epoch)
        lr_scheduler.step()


if __name__ == '__main__':
    main()

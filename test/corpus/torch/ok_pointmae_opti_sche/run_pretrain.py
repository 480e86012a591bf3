# Idiom seen in: aketusho/points_transformer main.py
# Idiom seen in: aketusho/points_transformer cfgs/pretrain.py
# What it reproduces: masked point-cloud pretraining: the model is wrapped (DataParallel or DDP) before
#   build_opti_sche sees it, the loss is the Chamfer reconstruction, and the AdamW decay skips biases, norms
#   and tokens. Clean.
import argparse

import torch
import torch.nn as nn

from builder import build_opti_sche
from pretrain_cfg import config
from models.point_mae import Point_MAE
from datasets import build_dataset_from_cfg
from utils import misc


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--launcher', choices=['none', 'pytorch'], default='none')
    parser.add_argument('--local_rank', type=int, default=0)
    parser.add_argument('--num_workers', type=int, default=8)
    parser.add_argument('--seed', type=int, default=0)
    return parser.parse_args()


def run_net(args, config):
    train_dataloader = build_dataset_from_cfg('ShapeNet-55', 'train', config.npoints, config.total_bs,
                                              args.num_workers)
    base_model = Point_MAE(config.model)
    if args.launcher == 'pytorch':
        base_model = nn.parallel.DistributedDataParallel(base_model.cuda(), device_ids=[args.local_rank])
    else:
        base_model = nn.DataParallel(base_model).cuda()
    optimizer, scheduler = build_opti_sche(base_model, config)
    base_model.zero_grad()
    for epoch in range(config.max_epoch):
        base_model.train()
        for idx, (taxonomy_ids, model_ids, data) in enumerate(train_dataloader):
            points = misc.fps(data.cuda(), config.npoints)
            loss = base_model(points)
            loss = loss.mean()
            loss.backward()
            optimizer.step()
            base_model.zero_grad()
        scheduler.step(epoch)
        print('[Training] EPOCH: %d Loss = %.4f lr = %.6f' % (epoch, loss.item(), optimizer.param_groups[0]['lr']))


if __name__ == '__main__':
    args = get_args()
    torch.manual_seed(args.seed)
    run_net(args, config)

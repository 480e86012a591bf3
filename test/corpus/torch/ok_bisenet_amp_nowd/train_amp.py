# Idiom seen in: CoinCheung/BiSeNet tools/train_amp.py
# What it reproduces: real-time segmentation training under torch.cuda.amp and DDP. set_optimizer splits the
#   parameters: 1-D ones (biases, BN weights) go to a group with weight_decay 0, 2-D/4-D weights keep the
#   optimizer's cfg.weight_decay; the model's own get_params() split is honoured the same way. Clean.
import argparse
import logging
import os
import os.path as osp

import torch
import torch.cuda.amp as amp
import torch.distributed as dist
import torch.nn as nn

from configs.bisenetv2_city import cfg as cfg_raw
from lib.cityscapes_cv2 import get_data_loader
from lib.logger import setup_logger
from lib.lr_scheduler import WarmupPolyLrScheduler
from lib.models import model_factory
from lib.ohem_ce_loss import OhemCELoss


class cfg_dict(object):
    def __init__(self, d):
        self.__dict__ = d


cfg = cfg_dict(cfg_raw)


def parse_args():
    parse = argparse.ArgumentParser()
    parse.add_argument('--local_rank', dest='local_rank', type=int, default=-1)
    parse.add_argument('--port', dest='port', type=int, default=44554)
    parse.add_argument('--finetune-from', type=str, default=None)
    return parse.parse_args()


args = parse_args()


def set_model():
    net = model_factory[cfg.model_type](cfg.n_cats)
    if args.finetune_from is not None:
        net.load_state_dict(torch.load(args.finetune_from, map_location='cpu'))
    if cfg.use_sync_bn:
        net = nn.SyncBatchNorm.convert_sync_batchnorm(net)
    net.cuda()
    net.train()
    criteria_pre = OhemCELoss(0.7)
    criteria_aux = [OhemCELoss(0.7) for _ in range(cfg.num_aux_heads)]
    return net, criteria_pre, criteria_aux


def set_optimizer(model):
    if hasattr(model, 'get_params'):
        wd_params, nowd_params, lr_mul_wd_params, lr_mul_nowd_params = model.get_params()
        params_list = [
            {'params': wd_params, },
            {'params': nowd_params, 'weight_decay': 0},
            {'params': lr_mul_wd_params, 'lr': cfg.lr_start * 10},
            {'params': lr_mul_nowd_params, 'weight_decay': 0, 'lr': cfg.lr_start * 10},
        ]
    else:
        wd_params, non_wd_params = [], []
        for name, param in model.named_parameters():
            if param.dim() == 1:
                non_wd_params.append(param)
            elif param.dim() == 2 or param.dim() == 4:
                wd_params.append(param)
        params_list = [
            {'params': wd_params, },
            {'params': non_wd_params, 'weight_decay': 0},
        ]
    optim = torch.optim.SGD(
        params_list,
        lr=cfg.lr_start,
        momentum=0.9,
        weight_decay=cfg.weight_decay,
    )
    return optim


def train():
    logger = logging.getLogger()
    dl = get_data_loader(cfg.im_root, cfg.train_im_anns, cfg.ims_per_gpu, cfg.scales, cfg.cropsize,
                         cfg.max_iter, mode='train', distributed=dist.is_initialized())
    net, criteria_pre, criteria_aux = set_model()
    optim = set_optimizer(net)
    scaler = amp.GradScaler()
    local_rank = dist.get_rank()
    net = nn.parallel.DistributedDataParallel(net, device_ids=[local_rank], output_device=local_rank)
    lr_schdr = WarmupPolyLrScheduler(optim, power=0.9, max_iter=cfg.max_iter, warmup_iter=cfg.warmup_iters,
                                     warmup_ratio=0.1, warmup='exp', last_epoch=-1)

    for it, (im, lb) in enumerate(dl):
        im, lb = im.cuda(), torch.squeeze(lb.cuda(), 1)
        optim.zero_grad()
        with amp.autocast(enabled=cfg.use_fp16):
            logits, *logits_aux = net(im)
            loss_pre = criteria_pre(logits, lb)
            loss_aux = [crit(lgt, lb) for crit, lgt in zip(criteria_aux, logits_aux)]
            loss = loss_pre + sum(loss_aux)
        scaler.scale(loss).backward()
        scaler.step(optim)
        scaler.update()
        torch.cuda.synchronize()
        if (it + 1) % 100 == 0:
            logger.info('iter: {}/{}, loss: {:.4f}'.format(it + 1, cfg.max_iter, loss.item()))
        lr_schdr.step()

    save_pth = osp.join(cfg.respth, 'model_final.pth')
    if dist.get_rank() == 0:
        torch.save(net.module.state_dict(), save_pth)


def main():
    torch.cuda.set_device(args.local_rank)
    dist.init_process_group(backend='nccl', init_method='tcp://127.0.0.1:{}'.format(args.port),
                            world_size=torch.cuda.device_count(), rank=args.local_rank)
    os.makedirs(cfg.respth, exist_ok=True)
    setup_logger('{}-train'.format(cfg.model_type), cfg.respth)
    train()


if __name__ == "__main__":
    main()

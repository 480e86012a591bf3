# Idiom seen in: CSAILVision/semantic-segmentation-pytorch train.py
# Idiom seen in: CSAILVision/semantic-segmentation-pytorch config/defaults.py
# What it reproduces: group_weight(module) walks the modules and puts conv/linear weights in a decayed
# group and biases + BatchNorm affine params in a weight_decay=.0 group; encoder and decoder each get
# SGD(momentum=0.9, weight_decay=cfg.TRAIN.weight_decay) over those groups. Clean.
import argparse
import random
import time

import torch
import torch.nn as nn

from config import cfg
from dataset import TrainDataset
from models import ModelBuilder, SegmentationModule
from utils import AverageMeter, parse_devices, setup_logger
from lib.nn import UserScatteredDataParallel, user_scattered_collate


def train(segmentation_module, iterator, optimizers, history, epoch, cfg):
    ave_total_loss = AverageMeter()
    segmentation_module.train(not cfg.TRAIN.fix_bn)
    tic = time.time()
    for i in range(cfg.TRAIN.epoch_iters):
        batch_data = next(iterator)
        segmentation_module.zero_grad()

        cur_iter = i + (epoch - 1) * cfg.TRAIN.epoch_iters
        adjust_learning_rate(optimizers, cur_iter, cfg)

        loss, acc = segmentation_module(batch_data)
        loss = loss.mean()
        loss.backward()
        for optimizer in optimizers:
            optimizer.step()

        ave_total_loss.update(loss.data.item())
        if i % cfg.TRAIN.disp_iter == 0:
            print('Epoch: [{}][{}/{}], Time: {:.2f}, Loss: {:.6f}'.format(
                epoch, i, cfg.TRAIN.epoch_iters, time.time() - tic, ave_total_loss.average()))
            history['train']['loss'].append(loss.data.item())


def group_weight(module):
    group_decay = []
    group_no_decay = []
    for m in module.modules():
        if isinstance(m, nn.Linear):
            group_decay.append(m.weight)
            if m.bias is not None:
                group_no_decay.append(m.bias)
        elif isinstance(m, nn.modules.conv._ConvNd):
            group_decay.append(m.weight)
            if m.bias is not None:
                group_no_decay.append(m.bias)
        elif isinstance(m, nn.modules.batchnorm._BatchNorm):
            if m.weight is not None:
                group_no_decay.append(m.weight)
            if m.bias is not None:
                group_no_decay.append(m.bias)

    assert len(list(module.parameters())) == len(group_decay) + len(group_no_decay)
    groups = [dict(params=group_decay), dict(params=group_no_decay, weight_decay=.0)]
    return groups


def create_optimizers(nets, cfg):
    (net_encoder, net_decoder, crit) = nets
    optimizer_encoder = torch.optim.SGD(
        group_weight(net_encoder),
        lr=cfg.TRAIN.lr_encoder,
        momentum=cfg.TRAIN.beta1,
        weight_decay=cfg.TRAIN.weight_decay)
    optimizer_decoder = torch.optim.SGD(
        group_weight(net_decoder),
        lr=cfg.TRAIN.lr_decoder,
        momentum=cfg.TRAIN.beta1,
        weight_decay=cfg.TRAIN.weight_decay)
    return (optimizer_encoder, optimizer_decoder)


def adjust_learning_rate(optimizers, cur_iter, cfg):
    scale_running_lr = ((1. - float(cur_iter) / cfg.TRAIN.max_iters) ** cfg.TRAIN.lr_pow)
    cfg.TRAIN.running_lr_encoder = cfg.TRAIN.lr_encoder * scale_running_lr
    cfg.TRAIN.running_lr_decoder = cfg.TRAIN.lr_decoder * scale_running_lr
    (optimizer_encoder, optimizer_decoder) = optimizers
    for param_group in optimizer_encoder.param_groups:
        param_group['lr'] = cfg.TRAIN.running_lr_encoder
    for param_group in optimizer_decoder.param_groups:
        param_group['lr'] = cfg.TRAIN.running_lr_decoder


def main(cfg, gpus):
    net_encoder = ModelBuilder.build_encoder(
        arch=cfg.MODEL.arch_encoder.lower(), fc_dim=cfg.MODEL.fc_dim,
        weights=cfg.MODEL.weights_encoder)
    net_decoder = ModelBuilder.build_decoder(
        arch=cfg.MODEL.arch_decoder.lower(), fc_dim=cfg.MODEL.fc_dim,
        num_class=cfg.DATASET.num_class, weights=cfg.MODEL.weights_decoder)
    crit = nn.NLLLoss(ignore_index=-1)
    segmentation_module = SegmentationModule(
        net_encoder, net_decoder, crit, cfg.TRAIN.deep_sup_scale)

    dataset_train = TrainDataset(cfg.DATASET.root_dataset, cfg.DATASET.list_train,
                                 cfg.DATASET, batch_per_gpu=cfg.TRAIN.batch_size_per_gpu)
    loader_train = torch.utils.data.DataLoader(
        dataset_train, batch_size=len(gpus), shuffle=False,
        collate_fn=user_scattered_collate, num_workers=cfg.TRAIN.workers,
        drop_last=True, pin_memory=True)
    iterator_train = iter(loader_train)

    if len(gpus) > 1:
        segmentation_module = UserScatteredDataParallel(segmentation_module, device_ids=gpus)
    segmentation_module.cuda()

    nets = (net_encoder, net_decoder, crit)
    optimizers = create_optimizers(nets, cfg)

    history = {'train': {'epoch': [], 'loss': [], 'acc': []}}
    for epoch in range(cfg.TRAIN.start_epoch, cfg.TRAIN.num_epoch):
        train(segmentation_module, iterator_train, optimizers, history, epoch + 1, cfg)


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description="PyTorch Semantic Segmentation Training")
    parser.add_argument("--cfg", default="config/ade20k-resnet50dilated-ppm_deepsup.yaml")
    parser.add_argument("--gpus", default="0-3")
    parser.add_argument("opts", default=None, nargs=argparse.REMAINDER)
    args = parser.parse_args()

    cfg.merge_from_file(args.cfg)
    cfg.merge_from_list(args.opts)
    logger = setup_logger(distributed_rank=0)

    gpus = [int(x.replace('gpu', '')) for x in parse_devices(args.gpus)]
    cfg.TRAIN.max_iters = cfg.TRAIN.epoch_iters * cfg.TRAIN.num_epoch
    cfg.TRAIN.running_lr_encoder = cfg.TRAIN.lr_encoder
    cfg.TRAIN.running_lr_decoder = cfg.TRAIN.lr_decoder

    random.seed(cfg.TRAIN.seed)
    torch.manual_seed(cfg.TRAIN.seed)
    main(cfg, gpus)

# Idiom seen in: kakaobrain/fast-autoaugment FastAutoAugment/train.py
# What it reproduces: the later Fast AutoAugment trainer: the optimizer is built with weight_decay=0.0 and the decay
#   is an explicit wd/2 * sum(p**2) over the non-BatchNorm parameters added to the training loss inside run_epoch
#   (wd from the conf's optimizer.decay); one decay, reaching the loss (clean).
import logging
import math

import torch
from torch import nn, optim
from theconf import Config as C, ConfigArgumentParser

from FastAutoAugment.common import get_logger, EMA
from FastAutoAugment.data import get_dataloaders
from FastAutoAugment.metrics import accuracy, Accumulator, CrossEntropyLabelSmooth
from FastAutoAugment.networks import get_model, num_class

logger = get_logger('Fast AutoAugment')
logger.setLevel(logging.INFO)


def run_epoch(model, loader, loss_fn, optimizer, epoch=0, scheduler=None, ema=None, wd=0.0):
    params_without_bn = [params for name, params in model.named_parameters() if not ('_bn' in name or '.bn' in name)]

    metrics = Accumulator()
    cnt, steps, total_steps = 0, 0, len(loader)
    for data, label in loader:
        steps += 1
        data, label = data.cuda(), label.cuda()
        preds = model(data)
        loss = loss_fn(preds, label)

        if optimizer:
            loss += wd * (1. / 2.) * sum([torch.sum(p ** 2) for p in params_without_bn])
            loss.backward()
            grad_clip = C.get()['optimizer'].get('clip', 5.0)
            if grad_clip > 0:
                nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
            optimizer.step()
            optimizer.zero_grad()
            if ema is not None:
                ema(model, (epoch - 1) * total_steps + steps)

        top1, top5 = accuracy(preds, label, (1, 5))
        metrics.add_dict({'loss': loss.item() * len(data), 'top1': top1.item() * len(data)})
        cnt += len(data)
        if scheduler is not None:
            scheduler.step(epoch - 1 + float(steps) / total_steps)
    return metrics / cnt


def train_and_eval(dataroot, test_ratio=0.0, cv_fold=0):
    max_epoch = C.get()['epoch']
    _, trainloader, validloader, testloader = get_dataloaders(C.get()['dataset'], C.get()['batch'], dataroot,
                                                              test_ratio, split_idx=cv_fold)
    model = get_model(C.get()['model'], num_class(C.get()['dataset']))
    criterion = CrossEntropyLabelSmooth(num_class(C.get()['dataset']), C.get().conf.get('lb_smooth', 0))

    if C.get()['optimizer']['type'] == 'sgd':
        optimizer = optim.SGD(
            model.parameters(),
            lr=C.get()['lr'],
            momentum=C.get()['optimizer'].get('momentum', 0.9),
            weight_decay=0.0,
            nesterov=C.get()['optimizer'].get('nesterov', True)
        )
    else:
        raise ValueError('invalid optimizer type=%s' % C.get()['optimizer']['type'])

    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=C.get()['epoch'], eta_min=0.)
    ema = EMA(C.get()['optimizer']['ema']) if C.get()['optimizer'].get('ema', 0.0) > 0.0 else None

    for epoch in range(1, max_epoch + 1):
        model.train()
        rs = run_epoch(model, trainloader, criterion, optimizer, epoch=epoch, scheduler=scheduler, ema=ema,
                       wd=C.get()['optimizer']['decay'])
        if math.isnan(rs['loss']):
            raise Exception('train loss is NaN.')
        logger.info('epoch=%d %s', epoch, rs)
    return rs


if __name__ == '__main__':
    parser = ConfigArgumentParser(conflict_handler='resolve')
    parser.add_argument('--dataroot', type=str, default='/data/private/pretrainedmodels')
    parser.add_argument('--cv-ratio', type=float, default=0.0)
    parser.add_argument('--cv', type=int, default=0)
    args = parser.parse_args()
    train_and_eval(args.dataroot, test_ratio=args.cv_ratio, cv_fold=args.cv)

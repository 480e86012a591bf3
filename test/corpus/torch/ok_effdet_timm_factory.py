# Idiom seen in: rwightman/efficientdet-pytorch train.py
# What it reproduces: the EfficientDet training script: the optimizer comes from timm's
#   create_optimizer(args, model) (opt 'momentum', weight_decay 4e-5), which puts biases and BatchNorm
#   parameters in a group with weight_decay 0 before building the optimizer; native AMP, DDP and a model
#   EMA (decay 0.9998, not a weight decay) around it. Clean.
import argparse
from contextlib import suppress

import torch
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel as NativeDDP

from timm.models import resume_checkpoint
from timm.optim import create_optimizer
from timm.scheduler import create_scheduler
from timm.utils import ModelEmaV2, NativeScaler

from effdet import create_model, create_loader, create_dataset, unwrap_bench
from effdet.anchors import Anchors, AnchorLabeler

parser = argparse.ArgumentParser(description='PyTorch ImageNet Training')
parser.add_argument('root', metavar='DIR', help='path to dataset')
parser.add_argument('--dataset', default='coco', type=str)
parser.add_argument('--model', default='tf_efficientdet_d1', type=str)
parser.add_argument('-b', '--batch-size', type=int, default=32)
parser.add_argument('--opt', default='momentum', type=str, metavar='OPTIMIZER')
parser.add_argument('--opt-eps', default=1e-3, type=float)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--weight-decay', type=float, default=4e-5)
parser.add_argument('--clip-grad', type=float, default=10.0)
parser.add_argument('--sched', default='cosine', type=str)
parser.add_argument('--lr', type=float, default=0.01)
parser.add_argument('--warmup-lr', type=float, default=0.0001)
parser.add_argument('--min-lr', type=float, default=1e-5)
parser.add_argument('--epochs', type=int, default=300)
parser.add_argument('--warmup-epochs', type=int, default=3)
parser.add_argument('--decay-rate', '--dr', type=float, default=0.1, help='LR decay rate')
parser.add_argument('--model-ema', action='store_true', default=False)
parser.add_argument('--model-ema-decay', type=float, default=0.9998)
parser.add_argument('--amp', action='store_true', default=False)
parser.add_argument('--distributed', action='store_true', default=False)
parser.add_argument('--local_rank', default=0, type=int)


def train_one_epoch(epoch, model, loader, optimizer, args, lr_scheduler=None, amp_autocast=suppress,
                    loss_scaler=None, model_ema=None):
    model.train()
    num_updates = epoch * len(loader)
    for batch_idx, (input, target) in enumerate(loader):
        with amp_autocast():
            output = model(input, target)
        loss = output['loss']
        optimizer.zero_grad()
        if loss_scaler is not None:
            loss_scaler(loss, optimizer, clip_grad=args.clip_grad, parameters=model.parameters())
        else:
            loss.backward()
            if args.clip_grad:
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip_grad)
            optimizer.step()
        if model_ema is not None:
            model_ema.update(model)
        num_updates += 1
        if lr_scheduler is not None:
            lr_scheduler.step_update(num_updates=num_updates)


def main():
    args = parser.parse_args()
    if args.distributed:
        torch.cuda.set_device(args.local_rank)
        torch.distributed.init_process_group(backend='nccl', init_method='env://')

    model = create_model(args.model, bench_task='train', num_classes=None, pretrained=False,
                         bench_labeler=True)
    model.cuda()

    optimizer = create_optimizer(args, model)

    amp_autocast = suppress
    loss_scaler = None
    if args.amp:
        amp_autocast = torch.cuda.amp.autocast
        loss_scaler = NativeScaler()

    model_ema = ModelEmaV2(model, decay=args.model_ema_decay) if args.model_ema else None
    if args.distributed:
        model = NativeDDP(model, device_ids=[args.local_rank])

    lr_scheduler, num_epochs = create_scheduler(args, optimizer)

    dataset_train, dataset_eval = create_dataset(args.dataset, args.root)
    loader_train = create_loader(dataset_train, input_size=unwrap_bench(model).config.image_size,
                                 batch_size=args.batch_size, is_training=True, distributed=args.distributed)

    for epoch in range(num_epochs):
        train_one_epoch(epoch, model, loader_train, optimizer, args, lr_scheduler=lr_scheduler,
                        amp_autocast=amp_autocast, loss_scaler=loss_scaler, model_ema=model_ema)
        if lr_scheduler is not None:
            lr_scheduler.step(epoch + 1)


if __name__ == '__main__':
    main()

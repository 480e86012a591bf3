# Idiom seen in: whai362/PVT classification/main.py
# What it reproduces: DeiT-style ImageNet training: DistributedDataParallel, the optimizer from timm's
#   create_optimizer(args, model_without_ddp) (AdamW, weight_decay 0.05, biases/norms/no_weight_decay()
#   names put in a zero-decay group by timm), NativeScaler AMP and an EMA copy. Clean.
import argparse
import datetime
import time

import torch
import torch.backends.cudnn as cudnn
from timm.data import Mixup
from timm.loss import LabelSmoothingCrossEntropy, SoftTargetCrossEntropy
from timm.models import create_model
from timm.optim import create_optimizer
from timm.scheduler import create_scheduler
from timm.utils import NativeScaler, ModelEma

import pvt
import utils
from datasets import build_dataset
from engine import train_one_epoch, evaluate


def get_args_parser():
    parser = argparse.ArgumentParser('PVT training and evaluation script', add_help=False)
    parser.add_argument('--batch-size', default=128, type=int)
    parser.add_argument('--epochs', default=300, type=int)
    parser.add_argument('--model', default='pvt_tiny', type=str, metavar='MODEL')
    parser.add_argument('--drop-path', type=float, default=0.1, metavar='PCT')
    parser.add_argument('--model-ema', action='store_true')
    parser.add_argument('--model-ema-decay', type=float, default=0.99996)
    parser.add_argument('--opt', default='adamw', type=str, metavar='OPTIMIZER')
    parser.add_argument('--opt-eps', default=1e-8, type=float, metavar='EPSILON')
    parser.add_argument('--momentum', type=float, default=0.9, metavar='M')
    parser.add_argument('--weight-decay', type=float, default=0.05)
    parser.add_argument('--sched', default='cosine', type=str, metavar='SCHEDULER')
    parser.add_argument('--lr', type=float, default=5e-4, metavar='LR')
    parser.add_argument('--warmup-epochs', type=int, default=5, metavar='N')
    parser.add_argument('--smoothing', type=float, default=0.1)
    parser.add_argument('--mixup', type=float, default=0.8)
    parser.add_argument('--cutmix', type=float, default=1.0)
    parser.add_argument('--nb_classes', type=int, default=1000)
    parser.add_argument('--distributed', action='store_true')
    parser.add_argument('--gpu', default=0, type=int)
    return parser


def main(args):
    device = torch.device('cuda')
    cudnn.benchmark = True
    dataset_train, args.nb_classes = build_dataset(is_train=True, args=args)
    data_loader_train = torch.utils.data.DataLoader(dataset_train, batch_size=args.batch_size, drop_last=True)

    mixup_fn = Mixup(mixup_alpha=args.mixup, cutmix_alpha=args.cutmix, label_smoothing=args.smoothing,
                     num_classes=args.nb_classes) if args.mixup > 0 else None

    model = create_model(args.model, pretrained=False, num_classes=args.nb_classes, drop_path_rate=args.drop_path)
    model.to(device)
    model_ema = ModelEma(model, decay=args.model_ema_decay) if args.model_ema else None

    model_without_ddp = model
    if args.distributed:
        model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[args.gpu])
        model_without_ddp = model.module

    args.lr = args.lr * args.batch_size * utils.get_world_size() / 512.0
    optimizer = create_optimizer(args, model_without_ddp)
    loss_scaler = NativeScaler()
    lr_scheduler, _ = create_scheduler(args, optimizer)
    criterion = SoftTargetCrossEntropy() if mixup_fn is not None else LabelSmoothingCrossEntropy(args.smoothing)

    start_time = time.time()
    for epoch in range(args.epochs):
        train_stats = train_one_epoch(model, criterion, data_loader_train, optimizer, device, epoch,
                                      loss_scaler, max_norm=None, model_ema=model_ema, mixup_fn=mixup_fn)
        lr_scheduler.step(epoch)
        print(epoch, train_stats)
    print('Training time {}'.format(str(datetime.timedelta(seconds=int(time.time() - start_time)))))


if __name__ == '__main__':
    parser = argparse.ArgumentParser('PVT training and evaluation script', parents=[get_args_parser()])
    main(parser.parse_args())

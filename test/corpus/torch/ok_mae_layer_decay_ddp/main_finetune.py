# Idiom seen in: facebookresearch/mae main_finetune.py
# What it reproduces: MAE fine-tuning: argparse (--weight_decay 0.05, --layer_decay 0.75), DDP, the ViT from
# models_vit (not here), `param_groups_lrd(model_without_ddp, ...)` handed to torch.optim.AdamW.
# label-note: clean. AdamW is decoupled; the groups keep 1-D tensors and cls_token/pos_embed out of decay;
# no explicit penalty exists.
import argparse

import torch
from timm.loss import LabelSmoothingCrossEntropy

import models_vit
import util.lr_decay as lrd
import util.misc as misc
from engine_finetune import train_one_epoch
from util.datasets import build_dataset
from util.misc import NativeScalerWithGradNormCount as NativeScaler


def get_args_parser():
    parser = argparse.ArgumentParser('MAE fine-tuning for image classification', add_help=False)
    parser.add_argument('--batch_size', default=64, type=int)
    parser.add_argument('--epochs', default=50, type=int)
    parser.add_argument('--accum_iter', default=1, type=int)
    parser.add_argument('--model', default='vit_base_patch16', type=str)
    parser.add_argument('--drop_path', type=float, default=0.1)
    parser.add_argument('--weight_decay', type=float, default=0.05)
    parser.add_argument('--lr', type=float, default=None)
    parser.add_argument('--blr', type=float, default=1e-3)
    parser.add_argument('--layer_decay', type=float, default=0.75)
    parser.add_argument('--min_lr', type=float, default=1e-6)
    parser.add_argument('--warmup_epochs', type=int, default=5)
    parser.add_argument('--smoothing', type=float, default=0.1)
    parser.add_argument('--nb_classes', default=1000, type=int)
    parser.add_argument('--data_path', default='/datasets01/imagenet_full_size/061417/', type=str)
    parser.add_argument('--local_rank', default=-1, type=int)
    parser.add_argument('--dist_url', default='env://')
    return parser


def main(args):
    misc.init_distributed_mode(args)
    device = torch.device('cuda')
    dataset_train = build_dataset(is_train=True, args=args)
    sampler_train = torch.utils.data.DistributedSampler(dataset_train, shuffle=True)
    data_loader_train = torch.utils.data.DataLoader(
        dataset_train, sampler=sampler_train, batch_size=args.batch_size, drop_last=True)

    model = models_vit.__dict__[args.model](num_classes=args.nb_classes, drop_path_rate=args.drop_path)
    model.to(device)
    model_without_ddp = model

    eff_batch_size = args.batch_size * args.accum_iter * misc.get_world_size()
    if args.lr is None:
        args.lr = args.blr * eff_batch_size / 256

    if args.distributed:
        model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[args.gpu])
        model_without_ddp = model.module

    param_groups = lrd.param_groups_lrd(model_without_ddp, args.weight_decay,
                                        no_weight_decay_list=model_without_ddp.no_weight_decay(),
                                        layer_decay=args.layer_decay)
    optimizer = torch.optim.AdamW(param_groups, lr=args.lr)
    loss_scaler = NativeScaler()
    criterion = LabelSmoothingCrossEntropy(smoothing=args.smoothing)

    for epoch in range(args.epochs):
        data_loader_train.sampler.set_epoch(epoch)
        train_one_epoch(model, criterion, data_loader_train, optimizer, device, epoch, loss_scaler, args=args)


if __name__ == '__main__':
    args = get_args_parser().parse_args()
    main(args)

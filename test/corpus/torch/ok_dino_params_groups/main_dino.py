# Idiom seen in: facebookresearch/dino main_dino.py
# Idiom seen in: facebookresearch/dino utils.py
# What it reproduces: DINO self-distillation: the optimizer gets utils.get_params_groups(student)
# (biases and norms in a weight_decay=0 group) and only param group 0 receives the cosine
# weight-decay schedule each iteration. Clean.
import argparse
import math
import sys

import torch
import torch.nn as nn

import utils
import vision_transformer as vits
from vision_transformer import DINOHead
from dino_data import build_pretraining_loader
from dino_loss import DINOLoss


def get_args_parser():
    parser = argparse.ArgumentParser('DINO', add_help=False)
    parser.add_argument('--arch', default='vit_small', type=str)
    parser.add_argument('--patch_size', default=16, type=int)
    parser.add_argument('--out_dim', default=65536, type=int)
    parser.add_argument('--momentum_teacher', default=0.996, type=float)
    parser.add_argument('--weight_decay', type=float, default=0.04)
    parser.add_argument('--weight_decay_end', type=float, default=0.4)
    parser.add_argument('--clip_grad', type=float, default=3.0)
    parser.add_argument('--batch_size_per_gpu', default=64, type=int)
    parser.add_argument('--epochs', default=100, type=int)
    parser.add_argument('--freeze_last_layer', default=1, type=int)
    parser.add_argument("--lr", default=0.0005, type=float)
    parser.add_argument("--warmup_epochs", default=10, type=int)
    parser.add_argument('--min_lr', type=float, default=1e-6)
    parser.add_argument('--optimizer', default='adamw', type=str, choices=['adamw', 'sgd', 'lars'])
    parser.add_argument('--data_path', default='/path/to/imagenet/train/', type=str)
    return parser


def train_dino(args):
    data_loader = build_pretraining_loader(args)

    student = vits.__dict__[args.arch](patch_size=args.patch_size, drop_path_rate=0.1)
    teacher = vits.__dict__[args.arch](patch_size=args.patch_size)
    embed_dim = student.embed_dim
    student = utils_wrap(student, DINOHead(embed_dim, args.out_dim))
    teacher = utils_wrap(teacher, DINOHead(embed_dim, args.out_dim))
    student, teacher = student.cuda(), teacher.cuda()
    teacher.load_state_dict(student.state_dict())
    for p in teacher.parameters():
        p.requires_grad = False

    dino_loss = DINOLoss(args.out_dim, 10, 0.04, 0.04, 0.04, 0, args.epochs).cuda()

    params_groups = utils.get_params_groups(student)
    if args.optimizer == "adamw":
        optimizer = torch.optim.AdamW(params_groups)  # to use with ViTs
    elif args.optimizer == "sgd":
        optimizer = torch.optim.SGD(params_groups, lr=0, momentum=0.9)  # lr is set by scheduler
    elif args.optimizer == "lars":
        optimizer = utils.LARS(params_groups)  # to use with convnet and large batches

    lr_schedule = utils.cosine_scheduler(
        args.lr * (args.batch_size_per_gpu * torch.cuda.device_count()) / 256.,
        args.min_lr, args.epochs, len(data_loader), warmup_epochs=args.warmup_epochs)
    wd_schedule = utils.cosine_scheduler(
        args.weight_decay, args.weight_decay_end, args.epochs, len(data_loader))
    momentum_schedule = utils.cosine_scheduler(args.momentum_teacher, 1, args.epochs, len(data_loader))

    for epoch in range(args.epochs):
        train_one_epoch(student, teacher, dino_loss, data_loader, optimizer,
                        lr_schedule, wd_schedule, momentum_schedule, epoch, args)


def utils_wrap(backbone, head):
    return nn.Sequential(backbone, head)


def train_one_epoch(student, teacher, dino_loss, data_loader, optimizer, lr_schedule,
                    wd_schedule, momentum_schedule, epoch, args):
    for it, (images, _) in enumerate(data_loader):
        it = len(data_loader) * epoch + it
        for i, param_group in enumerate(optimizer.param_groups):
            param_group["lr"] = lr_schedule[it]
            if i == 0:  # only the first group is regularized
                param_group["weight_decay"] = wd_schedule[it]

        images = [im.cuda(non_blocking=True) for im in images]
        teacher_output = teacher(images[:2])
        student_output = student(images)
        loss = dino_loss(student_output, teacher_output, epoch)

        if not math.isfinite(loss.item()):
            print("Loss is {}, stopping training".format(loss.item()), force=True)
            sys.exit(1)

        optimizer.zero_grad()
        loss.backward()
        if args.clip_grad:
            utils.clip_gradients(student, args.clip_grad)
        optimizer.step()

        with torch.no_grad():
            m = momentum_schedule[it]
            for param_q, param_k in zip(student.parameters(), teacher.parameters()):
                param_k.data.mul_(m).add_((1 - m) * param_q.detach().data)


if __name__ == '__main__':
    parser = argparse.ArgumentParser('DINO', parents=[get_args_parser()])
    args = parser.parse_args()
    train_dino(args)

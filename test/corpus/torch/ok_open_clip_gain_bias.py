# Idiom seen in: mlfoundations/open_clip src/training/main.py
# What it reproduces: contrastive image-text (CLIP) training setup: `exclude = lambda n, p: p.ndim < 2 or "bn" in n
#   or "ln" in n or "bias" in n or 'logit_scale' in n`, gain/bias params in a weight_decay 0. group, the rest at
#   args.wd, AdamW, optional GradScaler and DDP. Clean: decoupled decay on the matrices only.
import logging
import sys

import torch
from torch import optim
from torch.cuda.amp import GradScaler

from open_clip import create_loss, create_model_and_transforms, get_tokenizer
from training.data import get_data
from training.distributed import init_distributed_device, is_master
from training.params import parse_args
from training.scheduler import cosine_lr
from training.train import evaluate, train_one_epoch


def main(args):
    args = parse_args(args)
    device = init_distributed_device(args)
    torch.manual_seed(args.seed)

    model, preprocess_train, preprocess_val = create_model_and_transforms(
        args.model, args.pretrained, precision=args.precision, device=device, output_dict=True)

    if args.lock_image:
        model.lock_image_tower(unlocked_groups=args.lock_image_unlocked_groups,
                               freeze_bn_stats=args.lock_image_freeze_bn_stats)
    if args.grad_checkpointing:
        model.set_grad_checkpointing()

    if args.distributed:
        if args.use_bn_sync:
            model = torch.nn.SyncBatchNorm.convert_sync_batchnorm(model)
        model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[device])

    optimizer = None
    scaler = None
    if args.train_data:
        exclude = lambda n, p: p.ndim < 2 or "bn" in n or "ln" in n or "bias" in n or 'logit_scale' in n
        include = lambda n, p: not exclude(n, p)

        named_parameters = list(model.named_parameters())
        gain_or_bias_params = [p for n, p in named_parameters if exclude(n, p) and p.requires_grad]
        rest_params = [p for n, p in named_parameters if include(n, p) and p.requires_grad]

        optimizer = optim.AdamW(
            [
                {"params": gain_or_bias_params, "weight_decay": 0.},
                {"params": rest_params, "weight_decay": args.wd},
            ],
            lr=args.lr,
            betas=(args.beta1, args.beta2),
            eps=args.eps,
        )
        scaler = GradScaler() if args.precision == "amp" else None

    tokenizer = get_tokenizer(args.model)
    data = get_data(args, (preprocess_train, preprocess_val), epoch=0, tokenizer=tokenizer)

    scheduler = None
    if 'train' in data and optimizer is not None:
        total_steps = (data["train"].dataloader.num_batches // args.accum_freq) * args.epochs
        scheduler = cosine_lr(optimizer, args.lr, args.warmup, total_steps)

    loss = create_loss(args)
    for epoch in range(args.epochs):
        if is_master(args):
            logging.info(f'Start epoch {epoch}')
        train_one_epoch(model, data, loss, epoch, optimizer, scaler, scheduler, None, args, tb_writer=None)
        if any(v in data for v in ('val', 'imagenet-val', 'imagenet-v2')):
            evaluate(model, data, epoch + 1, args, tb_writer=None, tokenizer=tokenizer)


if __name__ == "__main__":
    main(sys.argv[1:])

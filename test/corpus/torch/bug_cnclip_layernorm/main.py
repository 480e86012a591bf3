# Idiom seen in: OFA-Sys/Chinese-CLIP cn_clip/training/main.py
# What it reproduces: AdamW groups split by names with exclude = "bn"/"ln"/"bias"/logit_scale; the substring test
# matches the ViT's ln_* norms but not the BERT tower's "LayerNorm" weights, so those stay in the decayed group.
import argparse
import math

import torch
import torch.distributed as dist
from torch import optim
from torch.cuda.amp import GradScaler

from data import get_data
from model import CLIP
from scheduler import cosine_lr
from train import train


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train-data", type=str, required=True)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--max-epochs", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--beta1", type=float, default=0.9)
    parser.add_argument("--beta2", type=float, default=0.98)
    parser.add_argument("--eps", type=float, default=1e-6)
    parser.add_argument("--wd", type=float, default=0.001)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--precision", choices=["amp", "fp16", "fp32"], default="amp")
    parser.add_argument("--local_rank", type=int, default=0)
    return parser.parse_args()


def main():
    args = parse_args()
    args.local_device_rank = max(args.local_rank, 0)
    torch.cuda.set_device(args.local_device_rank)
    dist.init_process_group(backend="nccl")

    model = CLIP()
    model.cuda(args.local_device_rank)
    model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[args.local_device_rank])
    data = get_data(args, epoch_id=0, max_txt_length=52)

    exclude = lambda n: "bn" in n or "ln" in n or "bias" in n or 'logit_scale' in n
    include = lambda n: not exclude(n)

    named_parameters = list(model.named_parameters())
    gain_or_bias_params = [p for n, p in named_parameters if exclude(n) and p.requires_grad]
    rest_params = [p for n, p in named_parameters if include(n) and p.requires_grad]

    optimizer = optim.AdamW(
        [
            {"params": gain_or_bias_params, "weight_decay": 0.},
            {"params": rest_params, "weight_decay": args.wd},  # expect: WD203
        ],
        lr=args.lr,
        betas=(args.beta1, args.beta2),
        eps=args.eps,
    )
    num_batches = data["train"].dataloader.num_batches
    total_steps = num_batches * args.max_epochs
    scheduler = cosine_lr(optimizer, args.lr, args.warmup, total_steps)
    scaler = GradScaler() if args.precision == "amp" else None

    steps = 0
    for epoch in range(args.max_epochs):
        steps += train(model, data, epoch, optimizer, scaler, scheduler, args, steps)
        if epoch + 1 < args.max_epochs:
            data = get_data(args, epoch_id=epoch + 1, max_txt_length=52)
    print("done after", steps, "steps,", math.ceil(steps / max(num_batches, 1)), "epochs")


if __name__ == "__main__":
    main()

# Idiom seen in: jeonsworld/ViT-pytorch train.py
# What it reproduces: ViT fine-tuning as the repository does it: SGD with momentum 0.9 and
# weight_decay=args.weight_decay whose default is 0 (the ViT paper fine-tunes without weight decay),
# warmup-cosine schedule, gradient accumulation: no decay is configured (clean).
import argparse
import logging
import random

import numpy as np
import torch
from tqdm import tqdm

from models.modeling import CONFIGS, VisionTransformer
from utils.data_utils import get_loader
from utils.scheduler import WarmupCosineSchedule, WarmupLinearSchedule

logger = logging.getLogger(__name__)


def setup(args):
    config = CONFIGS[args.model_type]
    num_classes = 10 if args.dataset == "cifar10" else 100
    model = VisionTransformer(config, args.img_size, zero_head=True, num_classes=num_classes)
    model.load_from(np.load(args.pretrained_dir))
    model.to(args.device)
    return args, model


def train(args, model):
    train_loader, test_loader = get_loader(args)
    optimizer = torch.optim.SGD(model.parameters(),
                                lr=args.learning_rate,
                                momentum=0.9,
                                weight_decay=args.weight_decay)
    t_total = args.num_steps
    if args.decay_type == "cosine":
        scheduler = WarmupCosineSchedule(optimizer, warmup_steps=args.warmup_steps, t_total=t_total)
    else:
        scheduler = WarmupLinearSchedule(optimizer, warmup_steps=args.warmup_steps, t_total=t_total)

    model.zero_grad()
    global_step = 0
    while global_step < t_total:
        model.train()
        for step, batch in enumerate(tqdm(train_loader, desc="Training")):
            x, y = tuple(t.to(args.device) for t in batch)
            loss = model(x, y)
            if args.gradient_accumulation_steps > 1:
                loss = loss / args.gradient_accumulation_steps
            loss.backward()
            if (step + 1) % args.gradient_accumulation_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
                scheduler.step()
                optimizer.step()
                optimizer.zero_grad()
                global_step += 1
                if global_step % t_total == 0:
                    break
    logger.info("End Training!")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", required=True)
    parser.add_argument("--dataset", choices=["cifar10", "cifar100"], default="cifar10")
    parser.add_argument("--model_type", default="ViT-B_16")
    parser.add_argument("--pretrained_dir", type=str, default="checkpoint/ViT-B_16.npz")
    parser.add_argument("--img_size", default=224, type=int)
    parser.add_argument("--train_batch_size", default=512, type=int)
    parser.add_argument("--learning_rate", default=3e-2, type=float)
    parser.add_argument("--weight_decay", default=0, type=float, help="Weight deay if we apply some.")
    parser.add_argument("--num_steps", default=10000, type=int)
    parser.add_argument("--decay_type", choices=["cosine", "linear"], default="cosine")
    parser.add_argument("--warmup_steps", default=500, type=int)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    parser.add_argument('--seed', type=int, default=42)
    parser.add_argument('--gradient_accumulation_steps', type=int, default=1)
    args = parser.parse_args()
    args.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    args, model = setup(args)
    train(args, model)


if __name__ == "__main__":
    main()

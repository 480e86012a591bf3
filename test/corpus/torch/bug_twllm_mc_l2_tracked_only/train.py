# Idiom seen in: jwliao1209/TWLLM-Tutor lib/lib_mc/trainer.py
# Idiom seen in: jwliao1209/TWLLM-Tutor lib/optimizer.py
# What it reproduces: TWLLM-Tutor's BaseTrainer backpropagates (loss / accum_grad_step) of what train_step returns.
#   Realistic mistake: MCTrainer.share_step adds an explicit L2 (args.l2_lambda; AdamW groups at weight_decay 0) to a
#   local loss that only feeds the tracker, and returns outputs.loss, so the penalty never reaches backward.
import math
from argparse import ArgumentParser

import torch
from transformers import AutoModelForMultipleChoice, AutoTokenizer, get_linear_schedule_with_warmup

from lib.dataset import get_mc_dataloaders
from lib.optimizer import get_optimizer
from lib.trainer import MCTrainer


def parse_arguments():
    parser = ArgumentParser(description="Multiple choice")
    parser.add_argument("--model_name_or_path", type=str, default="hfl/chinese-lert-base")
    parser.add_argument("--batch_size", type=int, default=8)
    parser.add_argument("--accum_grad_step", type=int, default=4)
    parser.add_argument("--epoch", type=int, default=3)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--weight_decay", type=float, default=0.0)
    parser.add_argument("--l2_lambda", type=float, default=1e-5, help="explicit L2 on trainable weights")
    parser.add_argument("--warm_up_step", type=int, default=300)
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_arguments()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    model = AutoModelForMultipleChoice.from_pretrained(args.model_name_or_path)
    train_loader, valid_loader = get_mc_dataloaders(tokenizer, args.batch_size)

    optimizer = get_optimizer(model, lr=args.lr, weight_decay=args.weight_decay)
    num_update_steps_per_epoch = math.ceil(len(train_loader) / args.accum_grad_step)
    lr_scheduler = get_linear_schedule_with_warmup(
        optimizer, num_warmup_steps=args.warm_up_step,
        num_training_steps=args.epoch * num_update_steps_per_epoch)
    trainer = MCTrainer(model, device, train_loader, valid_loader, optimizer,
                        args.accum_grad_step, lr_scheduler, logger=None, l2_lambda=args.l2_lambda)
    trainer.fit(epoch=args.epoch)

# Idiom seen in: karpathy/llm.c train_gpt2.py
# What it reproduces: the training script: argparse flags, model.configure_optimizers(weight_decay=
# args.weight_decay, ...) with 0.0 by default and 0.1 in the GPT-2 recipes; groups split by dim (clean).
import argparse
import math
from dataclasses import dataclass

import torch

from model import GPT
from data_loader import DistributedDataLoader


@dataclass
class GPTConfig:
    block_size: int = 1024
    vocab_size: int = 50257
    n_layer: int = 12
    n_head: int = 12
    n_embd: int = 768


parser = argparse.ArgumentParser()
parser.add_argument("--input_bin", type=str, default="dev/data/tinyshakespeare/tiny_shakespeare_val.bin")
parser.add_argument("--batch_size", type=int, default=4)
parser.add_argument("--sequence_length", type=int, default=64)
parser.add_argument("--num_iterations", type=int, default=10)
parser.add_argument("--learning_rate", type=float, default=1e-4)
parser.add_argument("--warmup_iters", type=int, default=0)
parser.add_argument("--learning_rate_decay_frac", type=float, default=1.0)
parser.add_argument("--weight_decay", type=float, default=0.1)
parser.add_argument("--grad_clip", type=float, default=1.0)
args = parser.parse_args()

device = "cuda" if torch.cuda.is_available() else "cpu"
model = GPT(GPTConfig()).to(device)
optimizer = model.configure_optimizers(weight_decay=args.weight_decay, learning_rate=args.learning_rate,
                                       betas=(0.9, 0.95), device_type=device)
train_loader = DistributedDataLoader(args.input_bin, args.batch_size, args.sequence_length, 0, 1)


def get_lr(it):
    min_lr = args.learning_rate * args.learning_rate_decay_frac
    if it < args.warmup_iters:
        return args.learning_rate * (it + 1) / args.warmup_iters
    decay_ratio = (it - args.warmup_iters) / max(1, args.num_iterations - args.warmup_iters)
    return min_lr + 0.5 * (1.0 + math.cos(math.pi * decay_ratio)) * (args.learning_rate - min_lr)


for step in range(args.num_iterations):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    x, y = train_loader.next_batch()
    _, loss = model(x.to(device), y.to(device))
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_clip)
    lr = get_lr(step)
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr
    optimizer.step()
    print(f"step {step + 1}/{args.num_iterations} | loss {loss.item():.6f} | norm {norm:.4f} | lr {lr:.2e}")

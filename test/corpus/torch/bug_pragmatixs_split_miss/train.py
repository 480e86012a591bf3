# Idiom seen in: Sulam-Group/pragmatixs train_utils/optim.py
# What it reproduces: AdamW with a name-based exclude for gains/biases ("bn", "ln", "bias"); here the user dropped the
# p.ndim < 2 test and the model names its norms pre_norm / final_norm, which no pattern matches, so the LayerNorm
# scales land in the decayed group (WD203). Realistic user mistake in the repo idiom (the repo itself is correct).
import argparse

import torch
import torch.nn.functional as F

from datasets import get_loader
from model import Listener

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=3e-4)
parser.add_argument("--weight_decay", type=float, default=0.05)
parser.add_argument("--epochs", type=int, default=20)
args = parser.parse_args()

model = Listener(vocab_size=30522, num_classes=200)

exclude = lambda n, p: "bn" in n or "ln" in n or "bias" in n or "logit_scale" in n
include = lambda n, p: not exclude(n, p)

named_parameters = list(model.named_parameters())
gain_or_bias_params = [p for n, p in named_parameters if exclude(n, p) and p.requires_grad]
rest_params = [p for n, p in named_parameters if include(n, p) and p.requires_grad]

optimizer = torch.optim.AdamW(
    [
        {"params": gain_or_bias_params, "weight_decay": 0.0},
        {"params": rest_params, "weight_decay": args.weight_decay},  # expect: WD203
    ],
    lr=args.lr,
)

loader = get_loader("train", batch_size=64)
for epoch in range(args.epochs):
    for tokens, labels in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(tokens), labels)
        loss.backward()
        optimizer.step()

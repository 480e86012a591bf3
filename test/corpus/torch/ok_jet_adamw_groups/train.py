# Idiom seen in: jamie-stephenson/jet utils/model/optimizers/adamw.py
# What it reproduces: a per-optimizer module exposing get_optimizer(model, args), here AdamW written with
# nanoGPT-style groups (tensors with dim >= 2 decayed, biases/LayerNorm/1-d at 0). Values come from a
# YAML config the workspace does not hold. Clean: decoupled decay, norms and biases excluded.
import argparse
from types import SimpleNamespace

import torch
import torch.nn.functional as F
import yaml

from utils.model.optimizers.adamw import get_optimizer
from utils.model.transformer import get_model
from utils.data import get_dataloader


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--config', type=str, default='configs/jet.yaml')
    cli = parser.parse_args()
    with open(cli.config) as f:
        args = SimpleNamespace(**yaml.safe_load(f))

    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    model = get_model(args).to(device)
    optimizer = get_optimizer(model, args)
    loader = get_dataloader(args)

    model.train()
    for step, (x, y) in enumerate(loader):
        x, y = x.to(device), y.to(device)
        logits = model(x)
        loss = F.cross_entropy(logits.view(-1, logits.size(-1)), y.view(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        if step % 100 == 0:
            print(f'step {step} loss {loss.item():.4f}')
        if step >= args.max_steps:
            break


if __name__ == '__main__':
    main()

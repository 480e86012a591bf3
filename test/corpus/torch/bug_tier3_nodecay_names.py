# Idiom seen in: matt-hans/transformer-builder-colab-templates .tasks/tasks/T056-implement-weight-decay-exclusion.md
# What it reproduces: the BERT-style no_decay = ["bias", "LayerNorm.weight"] split copied onto a GPT-style model
#   whose norms are named ln_1/ln_2/ln_f: no parameter name contains "LayerNorm.weight", so every LayerNorm
#   weight stays in the decayed AdamW group (user mistake in the template's idiom).
import argparse
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from data_utils import get_text_loader


class Block(nn.Module):
    def __init__(self, d_model, n_head):
        super().__init__()
        self.ln_1 = nn.LayerNorm(d_model)
        self.attn = nn.MultiheadAttention(d_model, n_head, batch_first=True)
        self.ln_2 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model))

    def forward(self, x, mask):
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class MiniGPT(nn.Module):
    def __init__(self, vocab_size, block_size, d_model=384, n_head=6, n_layer=6):
        super().__init__()
        self.wte = nn.Embedding(vocab_size, d_model)
        self.wpe = nn.Embedding(block_size, d_model)
        self.h = nn.ModuleList([Block(d_model, n_head) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)

    def forward(self, idx):
        t = idx.size(1)
        mask = torch.triu(torch.ones(t, t, dtype=torch.bool, device=idx.device), 1)
        x = self.wte(idx) + self.wpe(torch.arange(t, device=idx.device))
        for block in self.h:
            x = block(x, mask)
        return self.lm_head(self.ln_f(x))


def get_optimizer(model, lr, weight_decay):
    no_decay = ["bias", "LayerNorm.weight"]
    param_optimizer = list(model.named_parameters())
    grouped = [
        {"params": [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)],  # expect: WD203
         "weight_decay": weight_decay},
        {"params": [p for n, p in param_optimizer if any(nd in n for nd in no_decay)],
         "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(grouped, lr=lr, betas=(0.9, 0.95))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--weight_decay", type=float, default=0.1)
    parser.add_argument("--max_steps", type=int, default=5000)
    parser.add_argument("--block_size", type=int, default=256)
    args = parser.parse_args()

    loader, vocab_size = get_text_loader(block_size=args.block_size, batch_size=32)
    model = MiniGPT(vocab_size, args.block_size)
    optimizer = get_optimizer(model, args.lr, args.weight_decay)
    lr_lambda = lambda step: min(1.0, step / 200) * 0.5 * (1 + math.cos(math.pi * min(step, args.max_steps) / args.max_steps))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
    step = 0
    for x, y in loader:
        logits = model(x)
        loss = F.cross_entropy(logits.view(-1, logits.size(-1)), y.view(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        step += 1
        if step >= args.max_steps:
            break


if __name__ == "__main__":
    main()

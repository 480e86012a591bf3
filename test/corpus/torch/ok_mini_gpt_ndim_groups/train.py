# Idiom seen in: z0u/mi-ni src/experiment/training/loop.py
# What it reproduces: a small GPT trained with the grouped AdamW from configure_optimizer; the loss is the
#   LM cross entropy, the decay is AdamW's own on matrices only. Clean.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from config import ModelConfig, OptimizerConfig, SchedulerConfig, TrainingConfig
from optimizer import configure_optimizer
from experiment.data import get_dataloaders


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.ln_1 = nn.LayerNorm(cfg.n_embd)
        self.attn = nn.MultiheadAttention(cfg.n_embd, cfg.n_head, dropout=cfg.dropout, batch_first=True)
        self.ln_2 = nn.LayerNorm(cfg.n_embd)
        self.mlp = nn.Sequential(nn.Linear(cfg.n_embd, 4 * cfg.n_embd), nn.GELU(), nn.Linear(4 * cfg.n_embd, cfg.n_embd))

    def forward(self, x, mask):
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.wte = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.wpe = nn.Embedding(cfg.block_size, cfg.n_embd)
        self.blocks = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layer)])
        self.ln_f = nn.LayerNorm(cfg.n_embd)
        self.lm_head = nn.Linear(cfg.n_embd, cfg.vocab_size, bias=False)

    def forward(self, idx):
        T = idx.size(1)
        mask = torch.triu(torch.ones(T, T, dtype=torch.bool, device=idx.device), diagonal=1)
        x = self.wte(idx) + self.wpe(torch.arange(T, device=idx.device))
        for block in self.blocks:
            x = block(x, mask)
        return self.lm_head(self.ln_f(x))


def train(config: TrainingConfig):
    model = GPT(config.model)
    optimizer = configure_optimizer(model, config.optimizer)
    train_loader, val_loader = get_dataloaders(config.model.block_size)
    total = config.scheduler.epochs * len(train_loader)
    warmup = int(config.scheduler.warmup_epochs * len(train_loader))

    def lr_lambda(step):
        if step < warmup:
            return (step + 1) / max(1, warmup)
        progress = (step - warmup) / max(1, total - warmup)
        return config.scheduler.min_lr_factor + (1 - config.scheduler.min_lr_factor) * 0.5 * (1 + math.cos(math.pi * progress))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
    for epoch in range(config.scheduler.epochs):
        model.train()
        for x, y in train_loader:
            logits = model(x)
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), y.view(-1))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()
    return model


if __name__ == '__main__':
    train(TrainingConfig(
        model=ModelConfig(vocab_size=65, block_size=128, n_embd=128, n_head=4, n_layer=4, dropout=0.1),
        optimizer=OptimizerConfig(weight_decay=0.1, learning_rate=1e-3, betas=(0.9, 0.95)),
        scheduler=SchedulerConfig(epochs=10, warmup_epochs=0.5, min_lr_factor=0.1),
    ))

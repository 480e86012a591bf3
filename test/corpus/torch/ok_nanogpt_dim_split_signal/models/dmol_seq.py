# Idiom seen in: akavi/nanoGPT models/dmol.py
# Idiom seen in: akavi/nanoGPT models/utils.py
# What it reproduces: a small causal transformer over a 1-D signal (8 kHz audio frames) that emits
#   discretized-mixture-of-logistics parameters; configure_optimizers comes from models/utils.py.
import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F

from models import utils


@dataclass
class DMolConfig:
    block_size: int = 1024
    n_layer: int = 6
    n_head: int = 8
    n_embd: int = 256
    n_mix: int = 10
    dropout: float = 0.0
    bias: bool = True


class Block(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.n_embd, bias=config.bias)
        self.attn = nn.MultiheadAttention(config.n_embd, config.n_head, dropout=config.dropout,
                                          bias=config.bias, batch_first=True)
        self.ln_2 = nn.LayerNorm(config.n_embd, bias=config.bias)
        self.mlp = nn.Sequential(nn.Linear(config.n_embd, 4 * config.n_embd, bias=config.bias), nn.GELU(),
                                 nn.Linear(4 * config.n_embd, config.n_embd, bias=config.bias))

    def forward(self, x, mask):
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class DMolSeq(nn.Module):
    configure_optimizers = utils.configure_optimizers

    def __init__(self, config):
        super().__init__()
        self.config = config
        self.inp = nn.Linear(1, config.n_embd)
        self.wpe = nn.Embedding(config.block_size, config.n_embd)
        self.blocks = nn.ModuleList([Block(config) for _ in range(config.n_layer)])
        self.ln_f = nn.LayerNorm(config.n_embd, bias=config.bias)
        self.head = nn.Linear(config.n_embd, 3 * config.n_mix)

    def forward(self, x, targets=None):
        b, t = x.shape
        pos = torch.arange(0, t, dtype=torch.long, device=x.device)
        h = self.inp(x.unsqueeze(-1)) + self.wpe(pos)
        mask = torch.triu(torch.ones(t, t, device=x.device, dtype=torch.bool), diagonal=1)
        for block in self.blocks:
            h = block(h, mask)
        params = self.head(self.ln_f(h))
        loss = None
        if targets is not None:
            logit_probs, means, log_scales = params.chunk(3, dim=-1)
            centered = targets.unsqueeze(-1) - means
            inv_stdv = torch.exp(-log_scales.clamp(min=-7.0))
            log_pdf = -centered * inv_stdv - 2.0 * F.softplus(-centered * inv_stdv) - log_scales
            loss = -torch.logsumexp(log_pdf + F.log_softmax(logit_probs, -1), dim=-1).mean()
        return params, loss

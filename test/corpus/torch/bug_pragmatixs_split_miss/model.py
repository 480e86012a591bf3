# Idiom seen in: Sulam-Group/pragmatixs train_utils/optim.py
# What it reproduces: AdamW with a name-based exclude for gains/biases ("bn", "ln", "bias"); here the user dropped the
# p.ndim < 2 test and the model names its norms pre_norm / final_norm, which no pattern matches, so the LayerNorm
# scales land in the decayed group (WD203). Realistic user mistake in the repo idiom (the repo itself is correct).
import torch
import torch.nn as nn


class ListenerBlock(nn.Module):
    def __init__(self, dim, heads=8, mlp_ratio=4):
        super().__init__()
        self.pre_norm = nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.post_norm = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, dim * mlp_ratio), nn.GELU(), nn.Linear(dim * mlp_ratio, dim))

    def forward(self, x):
        h = self.pre_norm(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.post_norm(x))


class Listener(nn.Module):
    def __init__(self, vocab_size, num_classes, dim=256, depth=4):
        super().__init__()
        self.token_emb = nn.Embedding(vocab_size, dim)
        self.blocks = nn.ModuleList([ListenerBlock(dim) for _ in range(depth)])
        self.final_norm = nn.LayerNorm(dim)
        self.classifier = nn.Linear(dim, num_classes)
        self.logit_scale = nn.Parameter(torch.ones([]) * 2.6592)

    def forward(self, tokens):
        x = self.token_emb(tokens)
        for blk in self.blocks:
            x = blk(x)
        return self.classifier(self.final_norm(x).mean(dim=1)) * self.logit_scale.exp()

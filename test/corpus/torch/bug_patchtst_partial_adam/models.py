# Idiom seen in: yuqinie98/PatchTST PatchTST_self_supervised/src/learner.py
# What it reproduces: a compact PatchTST (patch embedding, Transformer encoder with BatchNorm in the
# feed-forward blocks, linear head) whose biases and norms end up in the decayed optimizer.
import torch
from torch import nn


class TSTEncoderLayer(nn.Module):
    def __init__(self, d_model, n_heads, d_ff=256, dropout=0.2):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(d_model, n_heads, dropout=dropout, batch_first=True)
        self.norm_attn = nn.BatchNorm1d(d_model)
        self.ff = nn.Sequential(nn.Linear(d_model, d_ff), nn.GELU(), nn.Dropout(dropout), nn.Linear(d_ff, d_model))
        self.norm_ffn = nn.BatchNorm1d(d_model)

    def forward(self, src):
        src2, _ = self.self_attn(src, src, src)
        src = self.norm_attn((src + src2).transpose(1, 2)).transpose(1, 2)
        src = self.norm_ffn((src + self.ff(src)).transpose(1, 2)).transpose(1, 2)
        return src


class PatchTST(nn.Module):
    def __init__(self, c_in, target_dim, patch_len, num_patch, n_layers=3, d_model=128, n_heads=16):
        super().__init__()
        self.W_P = nn.Linear(patch_len, d_model)
        self.W_pos = nn.Parameter(torch.empty(num_patch, d_model).uniform_(-0.02, 0.02))
        self.encoder = nn.Sequential(*[TSTEncoderLayer(d_model, n_heads) for _ in range(n_layers)])
        self.head = nn.Sequential(nn.Flatten(start_dim=-2), nn.Linear(num_patch * d_model, target_dim))
        self.c_in = c_in

    def forward(self, z):
        # z: [bs x num_patch x n_vars x patch_len]
        bs, num_patch, n_vars, patch_len = z.shape
        x = self.W_P(z).transpose(1, 2).reshape(bs * n_vars, num_patch, -1) + self.W_pos
        x = self.encoder(x)
        x = x.reshape(bs, n_vars, num_patch, -1)
        return self.head(x).transpose(1, 2)

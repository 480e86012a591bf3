# Idiom seen in: hyunwoongko/transformer train.py
# Idiom seen in: hyunwoongko/transformer conf.py
# What it reproduces: weight_decay = 5e-4 in conf.py reaches train.py through `from data import *` (which does
#   `from conf import *`); Adam(model.parameters(), weight_decay=weight_decay) is coupled L2 on every weight,
#   LayerNorm gamma/beta and biases included (real repo).
import torch
from torch import nn


class LayerNorm(nn.Module):
    def __init__(self, d_model, eps=1e-12):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(d_model))
        self.beta = nn.Parameter(torch.zeros(d_model))
        self.eps = eps

    def forward(self, x):
        mean = x.mean(-1, keepdim=True)
        var = x.var(-1, unbiased=False, keepdim=True)
        out = (x - mean) / torch.sqrt(var + self.eps)
        return self.gamma * out + self.beta


class EncoderLayer(nn.Module):
    def __init__(self, d_model, ffn_hidden, n_head, drop_prob):
        super().__init__()
        self.attention = nn.MultiheadAttention(d_model, n_head, dropout=drop_prob, batch_first=True)
        self.norm1 = LayerNorm(d_model)
        self.ffn = nn.Sequential(nn.Linear(d_model, ffn_hidden), nn.ReLU(), nn.Dropout(drop_prob),
                                 nn.Linear(ffn_hidden, d_model))
        self.norm2 = LayerNorm(d_model)

    def forward(self, x, mask):
        x = self.norm1(x + self.attention(x, x, x, key_padding_mask=mask)[0])
        return self.norm2(x + self.ffn(x))


class Transformer(nn.Module):
    def __init__(self, src_pad_idx, enc_voc_size, dec_voc_size, d_model, n_head, max_len,
                 ffn_hidden, n_layers, drop_prob, device):
        super().__init__()
        self.src_pad_idx = src_pad_idx
        self.emb = nn.Embedding(enc_voc_size, d_model, padding_idx=src_pad_idx)
        self.pos = nn.Embedding(max_len, d_model)
        self.layers = nn.ModuleList([EncoderLayer(d_model, ffn_hidden, n_head, drop_prob)
                                     for _ in range(n_layers)])
        self.linear = nn.Linear(d_model, dec_voc_size)

    def forward(self, src):
        mask = src == self.src_pad_idx
        x = self.emb(src) + self.pos(torch.arange(src.size(1), device=src.device))
        for layer in self.layers:
            x = layer(x, mask)
        return self.linear(x)

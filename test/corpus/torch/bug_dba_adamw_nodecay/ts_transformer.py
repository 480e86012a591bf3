# Idiom seen in: BrightQin/DBA-Time-Series src/models/ts_transformer.py
# What it reproduces: the time-series transformer whose encoder layers keep their LayerNorms as
#   attributes named norm1 / norm2 / self_attn_layer_norm1 (no "LayerNorm" in the parameter names).
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class DBAAttentionLayer(nn.Module):
    def __init__(self, d_model, nhead, dim_feedforward=256, dropout=0.1):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(d_model, nhead, dropout=dropout)
        self.self_attn_layer_norm1 = nn.LayerNorm(d_model)
        self.linear1 = nn.Linear(d_model, dim_feedforward)
        self.linear2 = nn.Linear(dim_feedforward, d_model)
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, src, src_key_padding_mask=None):
        attn = self.self_attn(src, src, src, key_padding_mask=src_key_padding_mask)[0]
        src = self.norm1(src + self.dropout(self.self_attn_layer_norm1(attn)))
        src2 = self.linear2(self.dropout(F.gelu(self.linear1(src))))
        return self.norm2(src + self.dropout(src2))


class TSTransformerEncoderClassiregressor(nn.Module):
    def __init__(self, feat_dim, max_len, d_model, n_heads, num_layers, dim_feedforward, num_classes, dropout=0.1):
        super().__init__()
        self.project_inp = nn.Linear(feat_dim, d_model)
        self.pos_enc = nn.Parameter(torch.randn(max_len, 1, d_model) * d_model ** -0.5)
        self.layers = nn.ModuleList([DBAAttentionLayer(d_model, n_heads, dim_feedforward, dropout)
                                     for _ in range(num_layers)])
        self.output_layer = nn.Linear(d_model * max_len, num_classes)

    def forward(self, X, padding_masks):
        inp = self.project_inp(X.permute(1, 0, 2)) * math.sqrt(self.project_inp.out_features) + self.pos_enc
        for layer in self.layers:
            inp = layer(inp, src_key_padding_mask=~padding_masks)
        out = F.gelu(inp).permute(1, 0, 2) * padding_masks.unsqueeze(-1)
        return self.output_layer(out.reshape(out.shape[0], -1))

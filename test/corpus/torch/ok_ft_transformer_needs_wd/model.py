# Idiom seen in: yandex-research/rtdl bin/ft_transformer.py
# What it reproduces: the FT-Transformer pieces whose parameter names the no-decay test keys on:
#   'tokenizer' (feature embeddings), '.norm' (LayerNorm) and '.bias'. Clean.
import math
import typing as ty

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.init as nn_init
from torch import Tensor


class Tokenizer(nn.Module):
    def __init__(self, d_numerical: int, categories: ty.Optional[ty.List[int]], d_token: int) -> None:
        super().__init__()
        if categories is None:
            d_bias = d_numerical
            self.category_offsets = None
            self.category_embeddings = None
        else:
            d_bias = d_numerical + len(categories)
            self.register_buffer('category_offsets', torch.tensor([0] + categories[:-1]).cumsum(0))
            self.category_embeddings = nn.Embedding(sum(categories), d_token)
        self.weight = nn.Parameter(Tensor(d_numerical + 1, d_token))
        self.bias = nn.Parameter(Tensor(d_bias, d_token))
        nn_init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        nn_init.kaiming_uniform_(self.bias, a=math.sqrt(5))

    def forward(self, x_num: Tensor, x_cat: ty.Optional[Tensor]) -> Tensor:
        x_num = torch.cat([torch.ones(len(x_num), 1, device=x_num.device), x_num], dim=1)
        x = self.weight[None] * x_num[:, :, None]
        if x_cat is not None:
            x = torch.cat([x, self.category_embeddings(x_cat + self.category_offsets[None])], dim=1)
        bias = torch.cat([torch.zeros(1, self.bias.shape[1], device=x_num.device), self.bias])
        return x + bias[None]


class MultiheadAttention(nn.Module):
    def __init__(self, d: int, n_heads: int) -> None:
        super().__init__()
        self.W_q = nn.Linear(d, d)
        self.W_k = nn.Linear(d, d)
        self.W_v = nn.Linear(d, d)
        self.W_out = nn.Linear(d, d)
        self.n_heads = n_heads

    def _reshape(self, x: Tensor) -> Tensor:
        batch_size, n_tokens, d = x.shape
        d_head = d // self.n_heads
        return (x.reshape(batch_size, n_tokens, self.n_heads, d_head)
                .transpose(1, 2).reshape(batch_size * self.n_heads, n_tokens, d_head))

    def forward(self, x: Tensor) -> Tensor:
        batch_size, n_tokens, d = x.shape
        q, k, v = self._reshape(self.W_q(x)), self._reshape(self.W_k(x)), self._reshape(self.W_v(x))
        attention = F.softmax(q @ k.transpose(1, 2) / math.sqrt(k.shape[-1]), dim=-1)
        out = (attention @ v).reshape(batch_size, self.n_heads, n_tokens, -1)
        return self.W_out(out.transpose(1, 2).reshape(batch_size, n_tokens, d))


class Transformer(nn.Module):
    """Post-normalization variant: every LayerNorm lives at layers.<i>.norm<j>."""

    def __init__(self, *, d_numerical, categories, n_layers, d_token, n_heads, d_ffn_factor,
                 residual_dropout, d_out) -> None:
        super().__init__()
        self.tokenizer = Tokenizer(d_numerical, categories, d_token)
        d_hidden = int(d_token * d_ffn_factor)
        self.layers = nn.ModuleList([
            nn.ModuleDict({
                'attention': MultiheadAttention(d_token, n_heads),
                'linear0': nn.Linear(d_token, d_hidden),
                'linear1': nn.Linear(d_hidden, d_token),
                'norm0': nn.LayerNorm(d_token),
                'norm1': nn.LayerNorm(d_token),
            })
            for _ in range(n_layers)
        ])
        self.residual_dropout = residual_dropout
        self.head = nn.Linear(d_token, d_out)

    def forward(self, x_num: Tensor, x_cat: ty.Optional[Tensor]) -> Tensor:
        x = self.tokenizer(x_num, x_cat)
        for layer in self.layers:
            h = layer['attention'](x)
            x = layer['norm0'](x + F.dropout(h, self.residual_dropout, self.training))
            h = layer['linear1'](F.relu(layer['linear0'](x)))
            x = layer['norm1'](x + F.dropout(h, self.residual_dropout, self.training))
        return self.head(F.relu(x[:, 0])).squeeze(-1)

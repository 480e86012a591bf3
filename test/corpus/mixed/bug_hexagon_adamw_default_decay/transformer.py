# Idiom seen in: JirkaKlimes/AI-HEXAGON results/transformer/model.py
# What it reproduces: a submitted architecture inheriting init_train_state from model.py: embedding,
#   attention + MLP blocks with post-LayerNorm, Dense head with bias.
import flax.linen as nn
from flax.typing import Array

from model import Model


class MLP(nn.Module):
    hidden: int

    @nn.compact
    def __call__(self, x: Array) -> Array:
        dims = x.shape[-1]
        return nn.Dense(dims)(nn.gelu(nn.Dense(self.hidden)(x)))


class Transformer(Model):
    """Decoder stack from 'Attention Is All You Need'."""

    __paper__ = "https://arxiv.org/abs/1706.03762"

    dims: int = 32
    heads: int = 8
    blocks: int = 4

    @nn.compact
    def __call__(self, x: Array) -> Array:
        x = nn.Embed(self.vocab_size, self.dims)(x)
        for _ in range(self.blocks):
            x = x + nn.SelfAttention(num_heads=self.heads)(x)
            x = nn.LayerNorm()(x)
            x = x + MLP(4 * self.dims)(x)
            x = nn.LayerNorm()(x)
        return nn.Dense(self.vocab_size)(x)

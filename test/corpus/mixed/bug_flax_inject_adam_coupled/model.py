# Idiom seen in: michael-diggin/jax-transformer modules.py
# Idiom seen in: michael-diggin/jax-transformer model.py
# What it reproduces: the flax.linen decoder-only transformer trained by train.py (the decay
#   finding is in train.py).
import flax.linen as nn
import jax.numpy as jnp


class Block(nn.Module):
    d_model: int
    n_heads: int

    @nn.compact
    def __call__(self, x, train=True):
        h = nn.LayerNorm()(x)
        h = nn.SelfAttention(num_heads=self.n_heads, deterministic=not train)(h)
        x = x + h
        h = nn.LayerNorm()(x)
        h = nn.Dense(4 * self.d_model)(h)
        h = nn.gelu(h)
        h = nn.Dense(self.d_model)(h)
        return x + h


class Transformer(nn.Module):
    vocab_size: int
    d_model: int
    n_layers: int
    n_heads: int

    @nn.compact
    def __call__(self, tokens, train=True):
        x = nn.Embed(self.vocab_size, self.d_model)(tokens)
        for _ in range(self.n_layers):
            x = Block(self.d_model, self.n_heads)(x, train=train)
        x = nn.LayerNorm()(x)
        return nn.Dense(self.vocab_size, use_bias=False)(x)

# Idiom seen in: jenkspt/gpt-jax train.py
# Idiom seen in: jenkspt/gpt-jax model.py
# What it reproduces: the config says "adamw optimizer", but init_train_state chains optax.add_decayed_weights(weight_decay, mask=...)
# in front of optax.adam: the decay joins the gradient before the adaptive scaling, i.e. coupled L2 (WD202, as in the repo; the mask is fine).
from dataclasses import dataclass

import flax.linen as nn
import jax
import jax.numpy as jnp


@dataclass(frozen=True)
class GPTConfig:
    block_size: int = 1024
    vocab_size: int = 50304
    num_layers: int = 12
    num_heads: int = 12
    num_embeds: int = 768
    dropout_rate: float = 0.1


class Block(nn.Module):
    config: GPTConfig

    @nn.compact
    def __call__(self, x, deterministic=True):
        c = self.config
        h = nn.LayerNorm(epsilon=1e-5)(x)
        mask = nn.make_causal_mask(jnp.ones(x.shape[:2]))
        h = nn.SelfAttention(num_heads=c.num_heads, dropout_rate=c.dropout_rate,
                             deterministic=deterministic)(h, mask=mask)
        x = x + h
        h = nn.LayerNorm(epsilon=1e-5)(x)
        h = nn.gelu(nn.Dense(4 * c.num_embeds)(h))
        h = nn.Dropout(c.dropout_rate)(nn.Dense(c.num_embeds)(h), deterministic=deterministic)
        return x + h


class GPT(nn.Module):
    config: GPTConfig

    @nn.compact
    def __call__(self, idx, deterministic=True):
        c = self.config
        pos = jnp.arange(idx.shape[1])[None]
        wte = nn.Embed(c.vocab_size, c.num_embeds, name="wte")
        x = wte(idx) + nn.Embed(c.block_size, c.num_embeds, name="wpe")(pos)
        x = nn.Dropout(c.dropout_rate)(x, deterministic=deterministic)
        for i in range(c.num_layers):
            x = Block(c, name=f"h_{i}")(x, deterministic)
        x = nn.LayerNorm(epsilon=1e-5, name="ln_f")(x)
        return wte.attend(x)

    def init(self, rng):
        tokens = jnp.zeros((2, self.config.block_size), dtype=jnp.int32)
        return super().init(rng, tokens, True)

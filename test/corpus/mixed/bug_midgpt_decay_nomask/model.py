# Idiom seen in: AllanYangZhou/midGPT src/model.py
# What it reproduces: midGPT's equinox GPT (RMSNorm before attention/MLP, tied embedding, bias switch); its RMSNorm
# weights and the embedding are leaves of the pytree that train.py's unmasked add_decayed_weights decays.

from dataclasses import dataclass
import math
import typing as tp

import equinox as eqx
import jax

jnp, jrandom, vmap = jax.numpy, jax.random, jax.vmap


class RMSNorm(eqx.Module):
    weight: jax.Array
    eps: float = eqx.field(static=True)

    def __init__(self, dim, eps=1e-6):
        self.weight = jnp.ones((dim,))
        self.eps = eps

    def __call__(self, x_D):
        ms = jnp.mean(jnp.square(x_D), axis=-1, keepdims=True)
        return x_D * jax.lax.rsqrt(ms + self.eps) * self.weight


class Block(eqx.Module):
    attn: eqx.nn.MultiheadAttention
    fc: eqx.nn.Linear
    proj: eqx.nn.Linear
    ln1: RMSNorm
    ln2: RMSNorm

    def __init__(self, n_embd, n_head, bias, key):
        k1, k2, k3 = jrandom.split(key, 3)
        self.attn = eqx.nn.MultiheadAttention(n_head, n_embd, use_query_bias=bias, use_key_bias=bias,
                                              use_value_bias=bias, use_output_bias=bias, key=k1)
        self.fc = eqx.nn.Linear(n_embd, 4 * n_embd, use_bias=bias, key=k2)
        self.proj = eqx.nn.Linear(4 * n_embd, n_embd, use_bias=bias, key=k3)
        self.ln1 = RMSNorm(n_embd)
        self.ln2 = RMSNorm(n_embd)

    def __call__(self, x_TxD):
        T = x_TxD.shape[0]
        mask = jnp.tril(jnp.ones((T, T), dtype=bool))
        h = vmap(self.ln1)(x_TxD)
        x_TxD = x_TxD + self.attn(h, h, h, mask=mask)
        h = vmap(self.ln2)(x_TxD)
        return x_TxD + vmap(self.proj)(jax.nn.gelu(vmap(self.fc)(h)))


@dataclass
class GPTConfig:
    block_size: int  # Max sequence length
    vocab_size: int  # No. of tokens
    n_layer: int  # No. of transformer blocks
    n_head: int  # No. attention heads
    n_embd: int  # Hidden dimension
    dropout: float
    bias: bool  # Whether or not to use biases in linear layers


class GPT(eqx.Module):
    wte: jax.Array
    blocks: tp.List[Block]
    ln_f: RMSNorm

    def __init__(self, config, key):
        block_key, head_key = jrandom.split(key)
        keys = jrandom.split(block_key, config.n_layer)
        self.blocks = [Block(config.n_embd, config.n_head, config.bias, k) for k in keys]
        self.ln_f = RMSNorm(config.n_embd, eps=1e-5)
        self.wte = jrandom.normal(head_key, (config.vocab_size, config.n_embd)) / math.sqrt(config.n_embd)

    def __call__(self, x_T, inference=False, key=None):
        x_TxD = self.wte[x_T]
        for block in self.blocks:
            x_TxD = block(x_TxD)
        x_TxD = vmap(self.ln_f)(x_TxD)
        return x_TxD @ self.wte.T  # tied lm head


def count_params(model: GPT) -> int:
    return sum(x.size for x in jax.tree_util.tree_leaves(eqx.filter(model, eqx.is_array)))

# Idiom seen in: CrawlScript/jax-gnn demo/demo_gcn.py (jg.nn.GCN(16, activation=jax.nn.relu) layers inside a flax
#   module; the layer itself is written here, shortened)
# What it reproduces: a GCN layer as a Flax module with a "kernel" and a "bias" parameter, propagating over a
#   symmetric-normalized edge list (normalization cached on the graph object).
# label-note: no findings here (clean program); see demo_gcn.py.
from typing import Callable, Optional

import flax.linen as nn
import jax
import jax.numpy as jnp


def gcn_norm(edge_index, num_nodes):
    row, col = edge_index
    deg = jnp.zeros(num_nodes).at[row].add(1.0) + 1.0  # self loops
    return jax.lax.rsqrt(deg)[row] * jax.lax.rsqrt(deg)[col]


class GCN(nn.Module):
    units: int
    activation: Optional[Callable] = None
    use_bias: bool = True

    @nn.compact
    def __call__(self, x, edge_index, cache=None):
        kernel = self.param("kernel", nn.initializers.glorot_uniform(), (x.shape[-1], self.units))
        h = x @ kernel
        num_nodes = x.shape[0]
        norm = cache["norm"] if cache is not None else gcn_norm(edge_index, num_nodes)
        row, col = edge_index
        out = jnp.zeros_like(h).at[row].add(h[col] * norm[:, None])
        deg = jnp.zeros(num_nodes).at[row].add(1.0) + 1.0
        out = out + h / deg[:, None]
        if self.use_bias:
            out = out + self.param("bias", nn.initializers.zeros, (self.units,))
        return self.activation(out) if self.activation is not None else out

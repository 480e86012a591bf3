# Idiom seen in: atomicarchitects/nequix nequix/model.py (weight_decay_mask)
# What it reproduces: an Equinox model module (per-atom embedding, pre-LayerNorm residual MLP blocks, a
#   linear readout summed to an energy) and weight_decay_mask(model): jax.tree.map over the model with an
#   is_leaf that stops at layers, True for Linear weights, False for Linear biases, LayerNorm and embeddings.
import equinox as eqx
import jax
import jax.numpy as jnp


class MLPBlock(eqx.Module):
    norm: eqx.nn.LayerNorm
    fc1: eqx.nn.Linear
    fc2: eqx.nn.Linear

    def __init__(self, dim, hidden, *, key):
        k1, k2 = jax.random.split(key)
        self.norm = eqx.nn.LayerNorm(dim)
        self.fc1 = eqx.nn.Linear(dim, hidden, key=k1)
        self.fc2 = eqx.nn.Linear(hidden, dim, key=k2)

    def __call__(self, x):
        return x + self.fc2(jax.nn.silu(self.fc1(self.norm(x))))


class EnergyModel(eqx.Module):
    embed: eqx.nn.Embedding
    blocks: list
    readout: eqx.nn.Linear
    shift: float = eqx.field(static=True)
    scale: float = eqx.field(static=True)

    def __init__(self, key, n_species, dim, n_layers, shift=0.0, scale=1.0):
        keys = jax.random.split(key, n_layers + 2)
        self.embed = eqx.nn.Embedding(n_species, dim, key=keys[0])
        self.blocks = [MLPBlock(dim, 2 * dim, key=k) for k in keys[1:-1]]
        self.readout = eqx.nn.Linear(dim, 1, key=keys[-1])
        self.shift = shift
        self.scale = scale

    def __call__(self, species):
        h = jax.vmap(self.embed)(species)
        for block in self.blocks:
            h = jax.vmap(block)(h)
        per_atom = jax.vmap(self.readout)(h)[:, 0]
        return jnp.sum(per_atom * self.scale + self.shift)


def weight_decay_mask(model):
    """Pytree shaped like the model: True where decoupled weight decay applies (Linear weights only)."""

    def is_layer(x):
        return isinstance(x, (eqx.nn.Linear, eqx.nn.LayerNorm, eqx.nn.Embedding))

    def set_mask(x):
        if isinstance(x, eqx.nn.Linear):
            mask = jax.tree.map(lambda _: True, x)
            return eqx.tree_at(lambda m: m.bias, mask, False)
        return jax.tree.map(lambda _: False, x)

    return jax.tree.map(set_mask, model, is_leaf=is_layer)

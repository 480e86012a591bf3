# Idiom seen in: NobuoTsukamoto/jax_examples classification/implements/vit.py
# What it reproduces: a tiny ViT in flax.linen (patch embedding Conv, learned pos_embedding, pre-LayerNorm encoder blocks, Dense head); LayerNorm and bias leaves sit next to the kernels in the params tree.
import flax.linen as nn
import jax.numpy as jnp


class EncoderBlock(nn.Module):
    hidden: int
    heads: int
    mlp_dim: int

    @nn.compact
    def __call__(self, x):
        y = nn.LayerNorm()(x)
        y = nn.SelfAttention(num_heads=self.heads)(y)
        x = x + y
        y = nn.LayerNorm()(x)
        y = nn.Dense(self.mlp_dim)(y)
        y = nn.gelu(y)
        y = nn.Dense(self.hidden)(y)
        return x + y


class ViT(nn.Module):
    num_classes: int
    patch: int = 16
    hidden: int = 192
    depth: int = 12
    heads: int = 3
    mlp_dim: int = 768

    @nn.compact
    def __call__(self, images, train: bool = True):
        x = nn.Conv(self.hidden, (self.patch, self.patch), strides=(self.patch, self.patch))(images)
        n, h, w, c = x.shape
        x = jnp.reshape(x, (n, h * w, c))
        pos = self.param("pos_embedding", nn.initializers.normal(0.02), (1, h * w, c))
        x = x + pos
        for _ in range(self.depth):
            x = EncoderBlock(self.hidden, self.heads, self.mlp_dim)(x)
        x = nn.LayerNorm()(x).mean(axis=1)
        return nn.Dense(self.num_classes)(x)


def create_model(config):
    return ViT(num_classes=config.num_classes)

# Idiom seen in: samuela/git-re-basin src/resnet20.py
# Idiom seen in: samuela/git-re-basin src/cifar10_resnet20_train.py
# What it reproduces: the Flax ResNet-20 (LayerNorm instead of BatchNorm) that train.py optimizes with
#   optax.chain(optax.add_decayed_weights(wd), optax.sgd(...)); the decay there has no mask (WD203 in train.py).
import flax.linen as nn
import jax.numpy as jnp

BLOCKS_PER_GROUP = {"resnet20": (3, 3, 3), "resnet32": (5, 5, 5)}


class Block(nn.Module):
  num_channels: int
  strides: tuple = (1, 1)

  @nn.compact
  def __call__(self, x):
    y = nn.Conv(self.num_channels, (3, 3), self.strides, padding="SAME", use_bias=False)(x)
    y = nn.LayerNorm()(y)
    y = nn.relu(y)
    y = nn.Conv(self.num_channels, (3, 3), padding="SAME", use_bias=False)(y)
    y = nn.LayerNorm()(y)
    if x.shape[-1] != self.num_channels or self.strides != (1, 1):
      x = nn.Conv(self.num_channels, (1, 1), self.strides, use_bias=False)(x)
      x = nn.LayerNorm()(x)
    return nn.relu(x + y)


class ResNet(nn.Module):
  blocks_per_group: tuple
  num_classes: int
  width_multiplier: int = 1

  @nn.compact
  def __call__(self, x):
    wm = self.width_multiplier
    x = nn.Conv(16 * wm, (3, 3), padding="SAME", use_bias=False)(x)
    x = nn.relu(nn.LayerNorm()(x))
    for i, n in enumerate(self.blocks_per_group):
      for j in range(n):
        strides = (2, 2) if i > 0 and j == 0 else (1, 1)
        x = Block(16 * wm * 2**i, strides)(x)
    x = jnp.mean(x, axis=(1, 2))
    return nn.Dense(self.num_classes)(x)

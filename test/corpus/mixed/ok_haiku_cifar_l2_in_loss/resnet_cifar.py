# Idiom seen in: hushon/JAX-ResNet-CIFAR10 train.py
# Idiom seen in: hushon/JAX-ResNet-CIFAR10 resnet_cifar.py
# What it reproduces: haiku transform_with_state ResNet, loss = ce + WEIGHT_DECAY * l2_loss(p) (batchnorm parameters
#   skipped) returned as the value of a has_aux loss_fn (aux = new state and the cross entropy for logging), with
#   optax.sgd momentum and no optimizer decay: the L2 term is differentiated. Clean.
from typing import Mapping, Optional

import haiku as hk
import jax
import jax.numpy as jnp


class BlockV1(hk.Module):
    def __init__(self, channels: int, stride: int, bn_config: Mapping[str, float], name: Optional[str] = None):
        super().__init__(name=name)
        self.conv_0 = hk.Conv2D(channels, kernel_shape=3, stride=stride, with_bias=False, padding="SAME", name="conv_0")
        self.bn_0 = hk.BatchNorm(name="batchnorm_0", **bn_config)
        self.conv_1 = hk.Conv2D(channels, kernel_shape=3, stride=1, with_bias=False, padding="SAME", name="conv_1")
        self.bn_1 = hk.BatchNorm(name="batchnorm_1", **bn_config)
        if stride != 1:
            pad = channels // 4
            self.shortcut = lambda x: jnp.pad(x[:, ::2, ::2, :], ((0, 0), (0, 0), (0, 0), (pad, pad)))
        else:
            self.shortcut = lambda x: x

    def __call__(self, inputs, is_training):
        out = jax.nn.relu(self.bn_0(self.conv_0(inputs), is_training))
        out = self.bn_1(self.conv_1(out), is_training)
        return jax.nn.relu(out + self.shortcut(inputs))


class ResNet32(hk.Module):
    def __init__(self, num_classes: int, bn_config: Optional[Mapping[str, float]] = None, name: Optional[str] = None):
        super().__init__(name=name)
        bn_config = dict(bn_config or {})
        bn_config.setdefault("decay_rate", 0.9)
        bn_config.setdefault("create_scale", True)
        bn_config.setdefault("create_offset", True)
        self.initial_conv = hk.Conv2D(16, kernel_shape=3, with_bias=False, padding="SAME", name="initial_conv")
        self.initial_batchnorm = hk.BatchNorm(name="initial_batchnorm", **bn_config)
        self.blocks = []
        for g, (channels, stride) in enumerate(zip((16, 32, 64), (1, 2, 2))):
            for i in range(5):
                self.blocks.append(BlockV1(channels, stride if i == 0 else 1, bn_config, name=f"block_{g}_{i}"))
        self.logits = hk.Linear(num_classes, w_init=jnp.zeros, name="logits")

    def __call__(self, inputs, is_training):
        out = jax.nn.relu(self.initial_batchnorm(self.initial_conv(inputs), is_training))
        for block in self.blocks:
            out = block(out, is_training)
        return self.logits(jnp.mean(out, axis=[1, 2]))

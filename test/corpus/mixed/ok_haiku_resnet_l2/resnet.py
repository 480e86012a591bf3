# Idiom seen in: sungyubkim/hands_on_jax models/resnet.py
# What it reproduces: a haiku ResNet (conv + batch norm blocks); the model itself carries no decay:
#   clean.
import haiku as hk
import jax


class Block(hk.Module):
    def __init__(self, filters, stride, name=None):
        super().__init__(name=name)
        self.filters = filters
        self.stride = stride

    def __call__(self, x, train=True):
        out = hk.Conv2D(self.filters, 3, stride=self.stride, with_bias=False)(x)
        out = hk.BatchNorm(True, True, 0.9)(out, is_training=train)
        out = jax.nn.relu(out)
        out = hk.Conv2D(self.filters, 3, with_bias=False)(out)
        out = hk.BatchNorm(True, True, 0.9)(out, is_training=train)
        if x.shape[-1] != self.filters or self.stride != 1:
            x = hk.Conv2D(self.filters, 1, stride=self.stride, with_bias=False)(x)
            x = hk.BatchNorm(True, True, 0.9)(x, is_training=train)
        return jax.nn.relu(out + x)


class ResNet(hk.Module):
    def __init__(self, stage_sizes, num_filters, strides, num_classes, name=None):
        super().__init__(name=name)
        self.stage_sizes = stage_sizes
        self.num_filters = num_filters
        self.strides = strides
        self.num_classes = num_classes

    def __call__(self, x, train=True):
        x = hk.Conv2D(self.num_filters[0], 3, with_bias=False)(x)
        x = hk.BatchNorm(True, True, 0.9)(x, is_training=train)
        x = jax.nn.relu(x)
        for i, n in enumerate(self.stage_sizes):
            for j in range(n):
                x = Block(self.num_filters[i], self.strides[i] if j == 0 else 1)(x, train)
        x = x.mean(axis=(1, 2))
        return hk.Linear(self.num_classes)(x)

# Idiom seen in: mansheej/data_diet data_diet/models.py (get_model(args) choosing a low-res ResNet by name, apply functions for train/test with batch_stats)
# What it reproduces: a flax ResNet whose params include BatchNorm scale/bias and a Dense bias; these are what train_state.py's unmasked add_decayed_weights also decays (WD203 labelled there).
from functools import partial

import flax.linen as nn


class BasicBlock(nn.Module):
    filters: int
    strides: int = 1

    @nn.compact
    def __call__(self, x, train=True):
        norm = partial(nn.BatchNorm, use_running_average=not train, momentum=0.9)
        residual = x
        y = nn.Conv(self.filters, (3, 3), (self.strides, self.strides), use_bias=False)(x)
        y = nn.relu(norm()(y))
        y = nn.Conv(self.filters, (3, 3), use_bias=False)(y)
        y = norm()(y)
        if residual.shape != y.shape:
            residual = nn.Conv(self.filters, (1, 1), (self.strides, self.strides),
                               use_bias=False)(residual)
            residual = norm()(residual)
        return nn.relu(residual + y)


class ResNet18LowRes(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train=True):
        x = nn.Conv(64, (3, 3), use_bias=False)(x)
        x = nn.relu(nn.BatchNorm(use_running_average=not train, momentum=0.9)(x))
        for i, filters in enumerate((64, 128, 256, 512)):
            x = BasicBlock(filters, strides=1 if i == 0 else 2)(x, train)
            x = BasicBlock(filters)(x, train)
        x = x.mean(axis=(1, 2))
        return nn.Dense(self.num_classes)(x)


def get_model(args):
    if args.model == 'resnet18_lowres':
        return ResNet18LowRes(num_classes=args.num_classes)
    raise NotImplementedError(args.model)


def get_apply_fn_train(model):
    def f_train(params, model_state, x):
        return model.apply({'params': params, **model_state}, x, train=True,
                           mutable=['batch_stats'])
    return f_train

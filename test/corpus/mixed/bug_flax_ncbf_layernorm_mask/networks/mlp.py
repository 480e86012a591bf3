# Idiom seen in: MIT-REALM/pncbf src/pncbf/networks/mlp.py
# What it reproduces: a compact Flax MLP whose optional LayerNorm is created inline with `nn.LayerNorm()(x)`, so
#   Flax names the submodules LayerNorm_0, LayerNorm_1, ... (Dense_0, Dense_1, ... for the layers).
# label-note: no findings here; the LayerNorm_k/scale leaves defined here are what networks/optim.py decays.
from typing import Callable, Sequence

import flax.linen as nn
from flax.linen import initializers


class MLP(nn.Module):
    hid_sizes: Sequence[int]
    act: Callable = nn.relu
    use_layernorm: bool = False
    act_final: bool = True
    scale_final: float | None = None

    @nn.compact
    def __call__(self, x):
        for ii, hid_size in enumerate(self.hid_sizes):
            is_last_layer = ii == len(self.hid_sizes) - 1
            kernel_init = initializers.xavier_uniform()
            if is_last_layer and self.scale_final is not None:
                kernel_init = initializers.variance_scaling(self.scale_final, "fan_avg", "uniform")
            x = nn.Dense(hid_size, kernel_init=kernel_init, bias_init=initializers.zeros_init())(x)
            no_activation = is_last_layer and not self.act_final
            if not no_activation:
                if self.use_layernorm:
                    x = nn.LayerNorm()(x)
                x = self.act(x)
        return x


class ValueNet(nn.Module):
    hid_sizes: Sequence[int]
    use_layernorm: bool = True

    @nn.compact
    def __call__(self, state):
        h = MLP(self.hid_sizes, act=nn.softplus, use_layernorm=self.use_layernorm)(state)
        return nn.Dense(1)(h).squeeze(-1)

# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/masks.py
# What it reproduces: the flax CNN trained by train.py (BatchNorm scale/bias and Dense biases are
#   the leaves the mask keeps out of the decay); clean.
import flax.linen as nn


class CNN(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train: bool = True):
        for features in (32, 64, 128):
            x = nn.Conv(features, (3, 3))(x)
            x = nn.BatchNorm(use_running_average=not train)(x)
            x = nn.relu(x)
            x = nn.max_pool(x, (2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.Dense(256)(x)
        x = nn.relu(x)
        return nn.Dense(self.num_classes)(x)

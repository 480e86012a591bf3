# Idiom seen in: MeerkatPerson/ml_project2 models.py
# What it reproduces: a small Flax classifier for 20x35 MFCC audio-MNIST inputs (the repo also has complex-valued
#   variants); its kernels are the ones the mis-ordered optax chain in train_model.py grows instead of shrinking.
import flax.linen as nn
import jax.numpy as jnp


class Audio_MNIST_dense(nn.Module):
    n_classes: int = 10

    @nn.compact
    def __call__(self, x, activation=nn.relu, pool='avg', train=True):
        x = x.reshape((x.shape[0], -1))
        x = activation(nn.Dense(256)(x))
        x = nn.Dropout(0.25, deterministic=not train)(x)
        x = activation(nn.Dense(128)(x))
        x = nn.Dense(self.n_classes)(x)
        return nn.log_softmax(x)


class Audio_MNIST_module(nn.Module):
    n_classes: int = 10

    @nn.compact
    def __call__(self, x, activation=nn.relu, pool='avg', train=True):
        x = x[..., None]
        x = activation(nn.Conv(16, kernel_size=(3, 3))(x))
        x = nn.avg_pool(x, (2, 2), strides=(2, 2)) if pool == 'avg' else nn.max_pool(x, (2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.Dropout(0.25, deterministic=not train)(x)
        x = nn.Dense(self.n_classes)(x)
        return nn.log_softmax(jnp.abs(x))

# Idiom seen in: vvvm23/vvvm23.github.io content/posts/2023-06-04-flax-post/index.md
# What it reproduces: the blog's class-conditional Flax VAE with a create_train_step factory and
#   jax.value_and_grad(loss_fn, has_aux=True). A realistic user edit adds an L2 penalty on the decoder weights but
#   returns it only among the aux metrics, so it never reaches the loss (WD104). The blog's own
#   optax.adamw(learning_rate=1e-4) has no mask, so its default 1e-4 decay also hits every bias (WD203).
from typing import Callable, Tuple

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from jax.typing import ArrayLike
from torch.utils.data import DataLoader
import torchvision.transforms as T
from torchvision.datasets import MNIST

batch_size = 16
latent_dim = 32
kl_weight = 0.5
decoder_l2 = 1e-5
num_classes = 10
seed = 0xffff


class FeedForward(nn.Module):
    dimensions: Tuple[int] = (256, 128, 64)
    activation_fn: Callable = nn.relu
    drop_last_activation: bool = False

    @nn.compact
    def __call__(self, x: ArrayLike) -> ArrayLike:
        for i, d in enumerate(self.dimensions):
            x = nn.Dense(d)(x)
            if i != len(self.dimensions) - 1 or not self.drop_last_activation:
                x = self.activation_fn(x)
        return x


class VAE(nn.Module):
    encoder_dimensions: Tuple[int] = (256, 128, 64)
    decoder_dimensions: Tuple[int] = (128, 256, 784)
    latent_dim: int = 4

    def setup(self):
        self.encoder = FeedForward(self.encoder_dimensions)
        self.pre_latent_proj = nn.Dense(self.latent_dim * 2)
        self.post_latent_proj = nn.Dense(self.encoder_dimensions[-1])
        self.class_proj = nn.Dense(self.encoder_dimensions[-1])
        self.decoder = FeedForward(self.decoder_dimensions, drop_last_activation=False)

    def __call__(self, x, c, key):
        mean, logvar = jnp.split(self.pre_latent_proj(self.encoder(x)), 2, axis=-1)
        z = jax.random.normal(key, mean.shape) * jnp.exp(logvar * 0.5) + mean
        y = self.decoder(self.post_latent_proj(z) + self.class_proj(c))
        return y, mean, logvar


def create_train_step(key, model, optimiser):
    params = model.init(key, jnp.zeros((batch_size, 784)), jnp.zeros((batch_size, num_classes)),
                        jax.random.PRNGKey(0))
    opt_state = optimiser.init(params)

    def loss_fn(params, x, c, key):
        reduce_dims = list(range(1, len(x.shape)))
        c = jax.nn.one_hot(c, num_classes)
        recon, mean, logvar = model.apply(params, x, c, key)
        mse_loss = optax.l2_loss(recon, x).sum(axis=reduce_dims).mean()
        kl_loss = jnp.mean(-0.5 * jnp.sum(1 + logvar - mean ** 2 - jnp.exp(logvar), axis=reduce_dims))
        dec_leaves = jax.tree_util.tree_leaves(params["params"]["decoder"])
        l2_loss = decoder_l2 * sum(jnp.sum(jnp.square(p)) for p in dec_leaves)  # expect: WD104

        loss = mse_loss + kl_weight * kl_loss
        return loss, (mse_loss, kl_loss, l2_loss)

    @jax.jit
    def train_step(params, opt_state, x, c, key):
        losses, grads = jax.value_and_grad(loss_fn, has_aux=True)(params, x, c, key)
        loss, (mse_loss, kl_loss, l2_loss) = losses
        updates, opt_state = optimiser.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, loss, mse_loss, kl_loss, l2_loss

    return train_step, params, opt_state


if __name__ == "__main__":
    train_dataset = MNIST('data', train=True, transform=T.ToTensor(), download=True)
    train_loader = DataLoader(train_dataset, batch_size=batch_size, shuffle=True, drop_last=True)

    key = jax.random.PRNGKey(seed)
    key, model_key = jax.random.split(key)
    model = VAE(latent_dim=latent_dim)
    optimiser = optax.adamw(learning_rate=1e-4)  # expect: WD203
    train_step, params, opt_state = create_train_step(model_key, model, optimiser)

    for epoch in range(10):
        total_loss, total_l2 = 0.0, 0.0
        for i, (batch, c) in enumerate(train_loader):
            key, subkey = jax.random.split(key)
            batch = batch.numpy().reshape(batch_size, 784)
            params, opt_state, loss, mse_loss, kl_loss, l2_loss = train_step(params, opt_state, batch,
                                                                             c.numpy(), subkey)
            total_loss += loss
            total_l2 += l2_loss
        print(f"epoch {epoch} | loss {total_loss / len(train_loader):.4f} | l2 {total_l2 / len(train_loader):.6f}")

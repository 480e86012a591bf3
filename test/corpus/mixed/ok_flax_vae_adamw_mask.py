# Idiom seen in: fattorib/jaxvae main.py (create_train_state)
# What it reproduces: Flax TrainState with optax.adamw whose mask (x.ndim != 1) keeps biases and
#   norm scales out of the decoupled decay; the loss is the VAE loss only (no explicit L2).
# label-note: clean. adamw is decoupled (no WD202), masked (no WD203), no second decay (no WD201).
import argparse

import jax
import jax.numpy as jnp
import optax
from flax.training import train_state
from omegaconf import OmegaConf

from src.models.VAE import VAE
from src.training.losses import vae_loss
from src.utils.dataloader import get_mnist_loaders


def initialized(key, image_size, model):
    @jax.jit
    def init(rng, x):
        return model.init(rng, x, rng)

    return init(key, jnp.ones((1, image_size, image_size, 1)))


def create_train_state(rng, learning_rate_fn, weight_decay, model):
    params = initialized(rng, 28, model)
    mask = jax.tree_util.tree_map(lambda x: x.ndim != 1, params)
    tx = optax.adamw(learning_rate=learning_rate_fn, weight_decay=weight_decay, mask=mask)
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@jax.jit
def train_step(state, batch, rng_key):
    def loss_fn(params):
        logits, mean, logvar = state.apply_fn({"params": params["params"]}, batch, rng_key)
        return vae_loss(logits=logits, x=batch, mean=mean, logvar=logvar)

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    state = state.apply_gradients(grads=grads)
    return state, loss


def main():
    parser = argparse.ArgumentParser(description="VAE Training")
    parser.add_argument("--cfg", default="conf/config.yaml", type=str)
    args = parser.parse_args()
    cfg = OmegaConf.load(args.cfg)

    train_loader, _ = get_mnist_loaders(cfg.training.batch_size, cfg.training.workers)
    rng, init_rng = jax.random.split(jax.random.PRNGKey(0))
    model = VAE(num_latents=cfg.model.latent_dim)
    state = create_train_state(
        init_rng,
        learning_rate_fn=cfg.training.learning_rate,
        weight_decay=cfg.training.weight_decay,
        model=model,
    )
    for epoch in range(cfg.training.epochs):
        for batch, _ in train_loader:
            rng, subrng = jax.random.split(rng)
            state, loss = train_step(state, batch, subrng)
        print(f"epoch {epoch}: loss {float(loss):.4f}")


if __name__ == "__main__":
    main()

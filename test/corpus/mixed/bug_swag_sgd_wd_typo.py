# Idiom seen in: activatedgeek/optax-swag README.md
# What it reproduces: an optax SWAG run as the README wires it (decay, SGD with momentum, swag_diag last in the
#   chain); the argparse default of the weight decay is typed 5e4 instead of 5e-4, so with lr 0.1 and momentum
#   0.9, lr*wd = 5000 >= 2*(1+0.9): the decay alone makes the weights oscillate and blow up.
import argparse

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.training import train_state
from optax_swag import swag_diag

from data import get_cifar10_loaders
from models import PreResNet20


def parse_args():
    parser = argparse.ArgumentParser(description="SWAG on CIFAR-10 with optax")
    parser.add_argument("--epochs", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--optim-lr", type=float, default=0.1)
    parser.add_argument("--optim-momentum", type=float, default=0.9)
    parser.add_argument("--optim-weight-decay", type=float, default=5e4)  # expect: WD301
    parser.add_argument("--swa-start", type=int, default=161)
    parser.add_argument("--swa-freq", type=int, default=1)
    return parser.parse_args()


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def main(args):
    train_loader, test_loader = get_cifar10_loaders(args.batch_size)
    steps_per_epoch = len(train_loader)

    model = PreResNet20(num_classes=10)
    variables = model.init(jax.random.PRNGKey(0), jnp.zeros((1, 32, 32, 3)), train=False)

    scheduler = optax.cosine_decay_schedule(init_value=args.optim_lr, decay_steps=args.epochs * steps_per_epoch)
    tx = optax.chain(
        optax.add_decayed_weights(weight_decay=args.optim_weight_decay, mask=decay_mask),
        optax.sgd(scheduler, args.optim_momentum),
        swag_diag(freq=args.swa_freq * steps_per_epoch),
    )
    state = train_state.TrainState.create(apply_fn=model.apply, params=variables["params"], tx=tx)

    @jax.jit
    def train_step(state, images, labels):
        def loss_fn(params):
            logits = state.apply_fn({"params": params}, images, train=True)
            return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()

        loss, grads = jax.value_and_grad(loss_fn)(state.params)
        return state.apply_gradients(grads=grads), loss

    for epoch in range(args.epochs):
        for images, labels in train_loader:
            state, loss = train_step(state, jnp.asarray(images), jnp.asarray(labels))
        print(f"epoch {epoch}: loss {float(loss):.4f}")


if __name__ == "__main__":
    main(parse_args())

# Idiom seen in: optimizedlearning/brachy examples/resnet/train_resnet.py
# What it reproduces: the kuangliu-style CIFAR-10 ResNet trainer ported to flax/optax: the loss keeps the
# paper's explicit 0.5*wd*||W||^2 on the kernels and the optimizer was switched to optax.adamw with the same
# mask, so the kernels are decayed twice (user mistake; brachy decays only inside its SGD optimizer).
import argparse
from typing import Any

import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from resnet import ResNet18
from data import get_cifar10_loaders


class TrainState(train_state.TrainState):
    batch_stats: Any = None


parser = argparse.ArgumentParser(description='Flax CIFAR10 Training')
parser.add_argument('--lr', default=1e-3, type=float)
parser.add_argument('--wd', default=5e-4, type=float)
parser.add_argument('--epochs', default=200, type=int)


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def create_state(rng, lr, wd):
    model = ResNet18(num_classes=10)
    variables = model.init(rng, jnp.ones((1, 32, 32, 3)), train=False)
    tx = optax.adamw(learning_rate=lr, weight_decay=wd, mask=kernel_mask)
    return TrainState.create(apply_fn=model.apply, params=variables['params'],
                             batch_stats=variables['batch_stats'], tx=tx)


def make_train_step(wd):
    @jax.jit
    def train_step(state, images, labels):
        def loss_fn(params):
            logits, new_model_state = state.apply_fn(
                {'params': params, 'batch_stats': state.batch_stats}, images, train=True, mutable=['batch_stats'])
            xent = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
            l2 = 0.5 * wd * sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params) if p.ndim > 1)  # expect: WD201
            return xent + l2, (logits, new_model_state)

        (loss, (logits, new_model_state)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        state = state.apply_gradients(grads=grads, batch_stats=new_model_state['batch_stats'])
        correct = jnp.sum(jnp.argmax(logits, -1) == labels)
        return state, loss, correct

    return train_step


def main():
    args = parser.parse_args()
    trainloader, _ = get_cifar10_loaders(batch_size=128)
    state = create_state(jax.random.PRNGKey(0), args.lr, args.wd)
    train_step = make_train_step(args.wd)
    for epoch in range(args.epochs):
        for images, labels in trainloader:
            state, loss, correct = train_step(state, images, labels)
        print(epoch, float(loss))


if __name__ == '__main__':
    main()

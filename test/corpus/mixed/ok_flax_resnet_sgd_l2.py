# Idiom seen in: optimizedlearning/brachy examples/resnet/train_resnet.py
# What it reproduces: the kuangliu-style CIFAR-10 ResNet (SGD, momentum 0.9, wd 5e-4, cosine lr) ported to
# flax/optax with the decay written as an explicit 0.5*wd*||W||^2 on kernels only and a plain optax.sgd
# without any decay of its own: one decay, minimized (clean).
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
parser.add_argument('--lr', default=0.1, type=float)
parser.add_argument('--wd', default=5e-4, type=float)
parser.add_argument('--epochs', default=200, type=int)


def weight_penalty(params, wd):
    kernels = [p for p in jax.tree_util.tree_leaves(params) if p.ndim > 1]
    return 0.5 * wd * sum(jnp.sum(jnp.square(k)) for k in kernels)


def main():
    args = parser.parse_args()
    trainloader, _ = get_cifar10_loaders(batch_size=128)
    steps_per_epoch = len(trainloader)
    schedule = optax.cosine_decay_schedule(args.lr, decay_steps=args.epochs * steps_per_epoch)
    model = ResNet18(num_classes=10)
    variables = model.init(jax.random.PRNGKey(0), jnp.ones((1, 32, 32, 3)), train=False)
    state = TrainState.create(apply_fn=model.apply, params=variables['params'],
                              batch_stats=variables['batch_stats'],
                              tx=optax.sgd(schedule, momentum=0.9))

    @jax.jit
    def train_step(state, images, labels):
        def loss_fn(params):
            logits, updates = state.apply_fn({'params': params, 'batch_stats': state.batch_stats},
                                             images, train=True, mutable=['batch_stats'])
            xent = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
            loss = xent + weight_penalty(params, args.wd)
            return loss, (xent, updates)

        (loss, (xent, updates)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        return state.apply_gradients(grads=grads, batch_stats=updates['batch_stats']), loss, xent

    for epoch in range(args.epochs):
        for images, labels in trainloader:
            state, loss, xent = train_step(state, images, labels)
        print(f'epoch {epoch}: loss {float(loss):.4f} xent {float(xent):.4f}')


if __name__ == '__main__':
    main()

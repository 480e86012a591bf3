# Idiom seen in: optimizedlearning/brachy examples/resnet/train_resnet.py
# What it reproduces: the CIFAR-10 ResNet recipe (plain SGD, weight decay 5e-4) ported to an optax chain
# add_decayed_weights -> sgd with the decay constant typed as 5e0: lr*wd = 0.4*5 = 2, each step flips the
# sign of the weights (user mistake in the repository's recipe).
import argparse

import jax
import jax.numpy as jnp
import optax

from resnet import ResNet18
from data import get_cifar10_loaders

LEARNING_RATE = 0.4
WEIGHT_DECAY = 5e0  # expect: WD301


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def main():
    parser = argparse.ArgumentParser(description='optax CIFAR10 Training')
    parser.add_argument('--epochs', default=200, type=int)
    args = parser.parse_args()

    model = ResNet18(num_classes=10)
    variables = model.init(jax.random.PRNGKey(0), jnp.ones((1, 32, 32, 3)), train=False)
    params, batch_stats = variables['params'], variables['batch_stats']
    tx = optax.chain(
        optax.add_decayed_weights(WEIGHT_DECAY, mask=decay_mask),
        optax.sgd(LEARNING_RATE),
    )
    opt_state = tx.init(params)

    @jax.jit
    def train_step(params, batch_stats, opt_state, images, labels):
        def loss_fn(p):
            logits, updates = model.apply({'params': p, 'batch_stats': batch_stats}, images,
                                          train=True, mutable=['batch_stats'])
            return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean(), updates

        (loss, updates), grads = jax.value_and_grad(loss_fn, has_aux=True)(params)
        step_updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, step_updates), updates['batch_stats'], opt_state, loss

    trainloader, _ = get_cifar10_loaders(batch_size=128)
    for epoch in range(args.epochs):
        for images, labels in trainloader:
            params, batch_stats, opt_state, loss = train_step(params, batch_stats, opt_state, images, labels)
        print(epoch, float(loss))


if __name__ == '__main__':
    main()

# Idiom seen in: alex-damian/jaxutil jaxbase/train.py
# What it reproduces: pmap'd train step whose loss is cross entropy + 0.5*wd*sum(kernel**2)
#   (tree_reduce in losses.py), gradients averaged with lax.pmean and applied by optax.sgd with
#   Nesterov momentum and no weight_decay of its own: one decay, in the minimized loss; clean.
import functools

import jax
import jax.numpy as jnp
import optax
from flax import jax_utils
from flax.training import common_utils, train_state

import config
from losses import cross_entropy, kernel_l2
from jaxbase.models.resnet import ResNet18
from jaxbase.data.torch.cifar10 import get_loaders


@functools.partial(jax.pmap, axis_name="batch")
def train_step(state, images, labels):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, images)
        xent = cross_entropy(logits, labels)
        return xent + 0.5 * config.WEIGHT_DECAY * kernel_l2(params), xent

    (loss, xent), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    grads = jax.lax.pmean(grads, axis_name="batch")
    state = state.apply_gradients(grads=grads)
    return state, jax.lax.pmean(xent, axis_name="batch")


def main():
    model = ResNet18(num_classes=10)
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 32, 32, 3)))["params"]
    n_dev = jax.local_device_count()
    train_loader, steps_per_epoch = get_loaders(config.PER_DEVICE_BATCH * n_dev)
    schedule = optax.cosine_decay_schedule(config.LR, config.EPOCHS * steps_per_epoch)
    tx = optax.sgd(schedule, momentum=config.MOMENTUM, nesterov=True)
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)
    state = jax_utils.replicate(state)
    for epoch in range(config.EPOCHS):
        for images, labels in train_loader:
            state, xent = train_step(state, common_utils.shard(images), common_utils.shard(labels))
        print("epoch", epoch, "xent", float(xent[0]))


if __name__ == "__main__":
    main()

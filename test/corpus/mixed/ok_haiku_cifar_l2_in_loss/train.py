# Idiom seen in: hushon/JAX-ResNet-CIFAR10 train.py
# Idiom seen in: hushon/JAX-ResNet-CIFAR10 resnet_cifar.py
# What it reproduces: haiku transform_with_state ResNet, loss = ce + WEIGHT_DECAY * l2_loss(p) (batchnorm parameters
#   skipped) returned as the value of a has_aux loss_fn (aux = new state and the cross entropy for logging), with
#   optax.sgd momentum and no optimizer decay: the L2 term is differentiated. Clean.
import os
from typing import NamedTuple

import haiku as hk
import jax
import jax.numpy as jnp
import optax
import tree
import tqdm

import resnet_cifar
from cifar_loader import make_loaders

KEY = jax.random.PRNGKey(1)
BATCH_SIZE = 128
MAX_EPOCH = 200
INIT_LR = 1e-1
WEIGHT_DECAY = 1e-4
DATA_ROOT = os.environ.get("DATA_ROOT", "/workspace/data/")


class TrainState(NamedTuple):
    params: hk.Params
    state: hk.State
    opt_state: optax.OptState


def softmax_cross_entropy(logits, labels):
    logp = jax.nn.log_softmax(logits)
    return -jnp.take_along_axis(logp, labels[:, None], axis=-1)


def l2_loss(params):
    l2_params = [p for ((mod_name, _), p) in tree.flatten_with_path(params) if "batchnorm" not in mod_name]
    return 0.5 * sum(jnp.sum(jnp.square(p)) for p in l2_params)


def forward(images, is_training: bool):
    net = resnet_cifar.ResNet32(num_classes=10, bn_config={"decay_rate": 0.9})
    return net(images, is_training=is_training)


def main():
    train_loader, test_loader = make_loaders(DATA_ROOT, BATCH_SIZE)
    model = hk.transform_with_state(forward)
    params, state = model.init(KEY, jnp.ones((1, 32, 32, 3)), is_training=True)

    learning_rate_fn = optax.piecewise_constant_schedule(
        init_value=INIT_LR,
        boundaries_and_scales={len(train_loader) * 100: 0.1, len(train_loader) * 150: 0.1})
    optimizer = optax.sgd(learning_rate_fn, momentum=0.9, nesterov=False)
    train_state = TrainState(params, state, optimizer.init(params))

    @jax.jit
    def train_step(train_state, batch):
        params, state, opt_state = train_state
        inputs, target = batch["image"], batch["label"]

        def loss_fn(p):
            logits, state_new = model.apply(p, state, KEY, inputs, is_training=True)
            ce_loss = softmax_cross_entropy(logits, target).mean()
            loss = ce_loss + WEIGHT_DECAY * l2_loss(p)
            return loss, (state_new, {"ce": ce_loss})

        (val, (state, logs)), grads = jax.value_and_grad(loss_fn, has_aux=True)(params)
        deltas, opt_state = optimizer.update(grads, opt_state)
        params = optax.apply_updates(params, deltas)
        return TrainState(params, state, opt_state), val, logs

    for epoch in tqdm.trange(MAX_EPOCH):
        for images, labels in train_loader:
            train_state, train_loss, logs = train_step(train_state, {"image": images, "label": labels})
        print(f"[{epoch}/{MAX_EPOCH}] train loss {train_loss:.3f} | " + " ".join(f"{k} {v:.4f}" for k, v in logs.items()))


if __name__ == "__main__":
    main()

# Idiom seen in: fattorib/Flax-ResNets main_flax.py
# What it reproduces: argparse --weight-decay stored on a custom TrainState, loss_fn adds 0.5 * state.weight_decay * compute_weight_decay(params) (helper from utils_flax.py) to the cross entropy, optax.sgd with Nesterov momentum and no optimizer-side decay. Clean.
import argparse
from typing import Any

import jax
import jax.numpy as jnp
import flax.linen as nn
import optax
from flax.training import train_state

from resnet_flax import ResNet20, ResNet32
from utils_flax import create_cos_anneal_schedule, compute_weight_decay
from data_flax import make_cifar_loaders


class TrainState(train_state.TrainState):
    batch_stats: Any = None
    weight_decay: Any = None


def parse():
    parser = argparse.ArgumentParser(description="Flax CIFAR10 Training")
    parser.add_argument("--epochs", default=120, type=int)
    parser.add_argument("-b", "--batch-size", default=128, type=int)
    parser.add_argument("--weight-decay", "--wd", default=1e-4, type=float)
    parser.add_argument("--base-lr", type=float, default=0.1)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--model", type=str, default="ResNet20")
    return parser.parse_args()


def cross_entropy_loss(*, logits, labels):
    one_hot = jax.nn.one_hot(labels, num_classes=10)
    return -jnp.mean(jnp.sum(one_hot * nn.log_softmax(logits, axis=-1), axis=-1))


def create_train_state(rng, model, momentum, learning_rate_fn, weight_decay):
    variables = model.init(rng, jnp.ones((1, 32, 32, 3)), train=True)
    tx = optax.sgd(learning_rate=learning_rate_fn, momentum=momentum, nesterov=True)
    return TrainState.create(apply_fn=model.apply, params=variables["params"], tx=tx,
                             batch_stats=variables["batch_stats"], weight_decay=weight_decay)


@jax.jit
def train_step(state, batch, labels):
    def loss_fn(params):
        logits, new_state = state.apply_fn(
            {"params": params, "batch_stats": state.batch_stats},
            batch, mutable=["batch_stats"], train=True)
        loss = cross_entropy_loss(logits=logits, labels=labels)
        loss += 0.5 * state.weight_decay * compute_weight_decay(params)
        return loss, (logits, new_state)

    (loss, (logits, new_state)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads, batch_stats=new_state["batch_stats"])
    accuracy = jnp.mean(jnp.argmax(logits, -1) == labels)
    return state, {"loss": loss, "accuracy": accuracy}


def main():
    args = parse()
    model = ResNet20() if args.model == "ResNet20" else ResNet32()
    train_loader, _ = make_cifar_loaders(args.batch_size)
    lr_fn = create_cos_anneal_schedule(args.base_lr, 0.001, len(train_loader) * args.epochs)
    state = create_train_state(jax.random.PRNGKey(0), model, args.momentum, lr_fn, args.weight_decay)
    for epoch in range(args.epochs):
        for images, labels in train_loader:
            state, metrics = train_step(state, images, labels)
        print(f"epoch {epoch}: loss {float(metrics['loss']):.4f} acc {float(metrics['accuracy']):.3f}")


if __name__ == "__main__":
    main()

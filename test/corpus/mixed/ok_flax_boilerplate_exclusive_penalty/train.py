# Idiom seen in: NishantPrabhu/JAX-boilerplate train.py
# Idiom seen in: NishantPrabhu/JAX-boilerplate losses.py
# What it reproduces: flax Trainer whose loss_fn adds an explicit L2 on the kernels only when --optim is sgd (plain optax.sgd, no decay),
# while the adam branch uses optax.adamw with a kernel mask; the two decays never meet. Clean (the repo adamw had no mask; here it does).
import argparse
from typing import Any

import jax
import jax.numpy as jnp
import optax
from flax import jax_utils, traverse_util
from flax.training import train_state
from jax import lax

import losses
from networks import resnet
from utils import data_utils


class TrainState(train_state.TrainState):
    batch_stats: Any


def kernel_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] == "kernel" for k in flat})


class Trainer:
    def __init__(self, args):
        self.args = args
        self.rng = jax.random.PRNGKey(args.seed)
        self.train_loader = data_utils.get_loader(args.data_root, args.batch_size, train=True)
        self.model = resnet.ResNet18(num_classes=10)
        self.state = jax_utils.replicate(self.create_train_state(self.model))
        self.p_train_step = jax.pmap(self.train_step, axis_name="batch")

    def create_train_state(self, model):
        variables = jax.jit(model.init)({"params": self.rng}, jnp.ones((1, 32, 32, 3)))
        params, batch_stats = variables["params"], variables["batch_stats"]
        if self.args.optim == "sgd":
            tx = optax.sgd(learning_rate=self.args.lr, momentum=self.args.momentum, nesterov=True)
        elif self.args.optim == "adam":
            tx = optax.adamw(learning_rate=self.args.lr, b1=0.9, b2=0.999,
                             weight_decay=self.args.weight_decay, mask=kernel_mask)
        else:
            raise NotImplementedError(f"Optimizer {self.args.optim} is not available")
        return TrainState.create(apply_fn=model.apply, params=params, tx=tx, batch_stats=batch_stats)

    def train_step(self, state, batch):
        imgs, labels = batch

        def loss_fn(params):
            logits, new_model_state = state.apply_fn(
                {"params": params, "batch_stats": state.batch_stats}, imgs, mutable=["batch_stats"])
            loss = losses.cross_entropy_loss(logits, labels)
            if self.args.optim != "adam":
                weight_penalty_params = jax.tree_util.tree_leaves(params)
                weight_l2 = sum([jnp.sum(x ** 2) for x in weight_penalty_params if x.ndim > 1])
                loss = loss + self.args.weight_decay * 0.5 * weight_l2
            return loss, (new_model_state, logits)

        (loss, (new_model_state, logits)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        grads = lax.pmean(grads, axis_name="batch")
        new_state = state.apply_gradients(grads=grads, batch_stats=new_model_state["batch_stats"])
        metrics = lax.pmean({"loss": loss, "accuracy": jnp.mean(jnp.argmax(logits, -1) == labels)}, "batch")
        return new_state, metrics

    def run(self):
        for epoch in range(1, self.args.epochs + 1):
            for batch in data_utils.shard(self.train_loader):
                self.state, metrics = self.p_train_step(self.state, batch)
            print(epoch, jax.device_get(metrics))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", default=1, type=int)
    ap.add_argument("--data_root", default="~/Datasets/cifar10", type=str)
    ap.add_argument("--batch_size", default=128, type=int)
    ap.add_argument("--epochs", default=100, type=int)
    ap.add_argument("--lr", default=0.1, type=float)
    ap.add_argument("--optim", default="sgd", type=str)
    ap.add_argument("--momentum", default=0.9, type=float)
    ap.add_argument("--weight_decay", default=5e-4, type=float)
    Trainer(ap.parse_args()).run()

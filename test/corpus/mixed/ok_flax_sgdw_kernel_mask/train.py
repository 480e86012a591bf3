# Idiom seen in: repository not resolved by the code index (index file id 32713046696, the optimizer helpers in
#   optim.py); the Flax CIFAR/ImageNet examples' TrainState with batch_stats and kernel-only decay masks
# What it reproduces: an absl training script for a small BatchNorm CNN in Flax: the optimizer is
#   optim.sgdw(schedule, momentum=0.9, nesterov=True, weight_decay=FLAGS.weight_decay, mask=kernel_mask)
#   where kernel_mask marks only the 'kernel' leaves (conv and dense kernels; biases, BatchNorm scale/bias
#   excluded); the loss is the cross entropy only, batches from an input module this folder lacks.
# label-note: clean program: decoupled decay on the kernels only (no WD203), no explicit L2 in the loss (no
#   WD201), peak lr * wd = 0.1 * 5e-4 (no WD301).
from typing import Any

import jax
import jax.numpy as jnp
import optax
from absl import app, flags
from flax import linen as nn
from flax import traverse_util
from flax.training import train_state

import input_pipeline  # not part of this program
import optim

FLAGS = flags.FLAGS
flags.DEFINE_float("peak_lr", 0.1, "Peak learning rate.")
flags.DEFINE_float("weight_decay", 5e-4, "Decoupled weight decay on kernels.")
flags.DEFINE_integer("num_steps", 39000, "Training steps.")
flags.DEFINE_integer("warmup_steps", 1950, "Warm-up steps.")


class CNN(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train: bool):
        for feats in (64, 128, 256):
            x = nn.Conv(feats, (3, 3), use_bias=False)(x)
            x = nn.relu(nn.BatchNorm(use_running_average=not train, momentum=0.9)(x))
            x = nn.max_pool(x, (2, 2), strides=(2, 2))
        x = jnp.mean(x, axis=(1, 2))
        return nn.Dense(self.num_classes)(x)


class TrainState(train_state.TrainState):
    batch_stats: Any


def kernel_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] == "kernel" for k in flat})


@jax.jit
def train_step(state, batch):
    def loss_fn(params):
        logits, new_state = state.apply_fn({"params": params, "batch_stats": state.batch_stats}, batch["image"],
                                           train=True, mutable=["batch_stats"])
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, batch["label"]).mean()
        return loss, new_state
    (loss, new_state), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads, batch_stats=new_state["batch_stats"])
    return state, loss


def main(argv):
    del argv
    model = CNN()
    variables = model.init(jax.random.PRNGKey(0), jnp.ones((1, 32, 32, 3)), train=False)
    schedule = optim.warmup_linear_decay_schedule(0.0, FLAGS.peak_lr, FLAGS.warmup_steps, FLAGS.num_steps)
    tx = optim.sgdw(schedule, momentum=0.9, nesterov=True, weight_decay=FLAGS.weight_decay, mask=kernel_mask)
    state = TrainState.create(apply_fn=model.apply, params=variables["params"],
                              batch_stats=variables["batch_stats"], tx=tx)
    for step, batch in zip(range(FLAGS.num_steps), input_pipeline.cifar10_train(batch_size=128)):
        state, loss = train_step(state, batch)
        if step % 500 == 0:
            print(step, float(loss))


if __name__ == "__main__":
    app.run(main)

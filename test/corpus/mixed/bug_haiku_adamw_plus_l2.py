# Idiom seen in: sungyubkim/hands_on_jax 3_image_classification/image_classification.ipynb
# Idiom seen in: sungyubkim/hands_on_jax utils.py
# What it reproduces: the notebook's haiku ResNet loop with its hand-written L2 (WD_COEF * sum of squares in
#   loss_fn) kept after swapping the SGD tx for optax.adamw(weight_decay=...), a user mistake: every weight is
#   decayed twice (WD201), and adamw without mask also decays the batch-norm scales/offsets and biases (WD203).
from collections import OrderedDict
from functools import partial
from typing import Any, Callable

import haiku as hk
import jax
import jax.numpy as jnp
import optax
from flax import struct

from models.resnet import ResNet, Block
from datasets.cifar import load_dataset

NUM_CLASSES = 10
BATCH_SIZE = 128
PEAK_LR = 1e-3
WD_COEF = 5e-4
WEIGHT_DECAY = 5e-2


class Trainer(struct.PyTreeNode):
    apply_fn: Callable = struct.field(pytree_node=False)
    tx: Callable = struct.field(pytree_node=False)
    step: int
    params: Any = None
    state: Any = None
    opt_state: Any = None

    @classmethod
    def create(cls, *, apply_fn, params, tx, **kwargs):
        return cls(step=0, apply_fn=apply_fn, params=params, tx=tx, opt_state=tx.init(params), **kwargs)

    def apply_gradients(self, *, grads, **kwargs):
        updates, new_opt_state = self.tx.update(grads, self.opt_state, self.params)
        new_params = optax.apply_updates(self.params, updates)
        return self.replace(step=self.step + 1, params=new_params, opt_state=new_opt_state, **kwargs)


def _forward(*args, **kwargs):
    net = partial(ResNet, stage_sizes=[2, 2, 2, 2], num_filters=[64, 128, 256, 512],
                  strides=[1, 2, 2, 2], block_cls=Block, num_classes=NUM_CLASSES)
    return net()(*args, **kwargs)


net = hk.transform_with_state(_forward)
rng = jax.random.PRNGKey(0)
params, state = net.init(rng, jnp.zeros((1, 32, 32, 3)), train=True)

schedule = optax.warmup_cosine_decay_schedule(0.0, PEAK_LR, 1000, 50000, 0.0)
tx = optax.adamw(learning_rate=schedule, weight_decay=WEIGHT_DECAY)  # expect: WD203
trainer = Trainer.create(apply_fn=net.apply, params=params, state=state, tx=tx)


def loss_fn(params, trainer, batch, rng):
    logit, state = trainer.apply_fn(params, trainer.state, rng, batch['x'], train=True)
    log_prob = jax.nn.log_softmax(logit)
    cross_entropy_loss = - (batch['y'] * log_prob).sum(axis=-1).mean()
    wd = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
    loss = cross_entropy_loss + WD_COEF * wd
    return loss, (cross_entropy_loss, wd, state)


@jax.jit
def opt_step(trainer, batch, rng):
    grads, (ce, wd, new_state) = jax.grad(loss_fn, has_aux=True)(trainer.params, trainer, batch, rng)
    trainer = trainer.apply_gradients(grads=grads, state=new_state)
    return OrderedDict([('ce', ce), ('wd', wd)]), trainer


for epoch in range(100):
    for batch in load_dataset('cifar10', 'train', BATCH_SIZE):
        rng, step_rng = jax.random.split(rng)
        log, trainer = opt_step(trainer, batch, step_rng)
    print(epoch, float(log['ce']), float(log['wd']))

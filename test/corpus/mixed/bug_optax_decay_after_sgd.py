# Idiom seen in: sungyubkim/hands_on_jax 3_image_classification/image_classification.ipynb
# What it reproduces: the notebook's optax.chain(clip_by_global_norm, sgd(momentum)) with decoupled decay
#   moved into the tx by a user who appended add_decayed_weights AFTER the sgd step: the update is then
#   w*(1+wd) - lr*g, i.e. the weights grow each step (WD302 on the add_decayed_weights call).
from functools import partial

import haiku as hk
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util

from models.resnet import ResNet
from datasets.cifar import load_dataset
from utils import Trainer, make_forward_with_state, create_lr_sched

NUM_CLASSES = 100
NUM_EPOCH = 200
BATCH_SIZE = 128
PEAK_LR = 0.1
WD = 5e-4


def decay_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: (k[-1] == 'w') for k in flat})


net = make_forward_with_state(partial(ResNet, stage_sizes=[2, 2, 2, 2], num_filters=[64, 128, 256, 512],
                                      strides=[1, 2, 2, 2], num_classes=NUM_CLASSES))
rng = jax.random.PRNGKey(42)
params, state = net.init(rng, jnp.zeros((1, 32, 32, 3)), train=True)

tx = optax.chain(
    optax.clip_by_global_norm(1.0),
    optax.sgd(learning_rate=create_lr_sched(NUM_EPOCH, 50000, BATCH_SIZE, 0.1, PEAK_LR), momentum=0.9),
    optax.add_decayed_weights(WD, mask=decay_mask),  # expect: WD302
)
trainer = Trainer.create(apply_fn=net.apply, params=params, state=state, tx=tx)


def loss_fn(params, trainer, batch, rng):
    logit, state = trainer.apply_fn(params, trainer.state, rng, batch['x'], train=True)
    ce = optax.softmax_cross_entropy(logit, batch['y']).mean()
    return ce, state


@jax.jit
def opt_step(trainer, batch, rng):
    (loss, new_state), grads = jax.value_and_grad(loss_fn, has_aux=True)(trainer.params, trainer, batch, rng)
    return loss, trainer.apply_gradients(grads=grads, state=new_state)


for epoch in range(NUM_EPOCH):
    for batch in load_dataset('cifar100', 'train', BATCH_SIZE):
        rng, key = jax.random.split(rng)
        loss, trainer = opt_step(trainer, batch, key)
    print(epoch, float(loss))

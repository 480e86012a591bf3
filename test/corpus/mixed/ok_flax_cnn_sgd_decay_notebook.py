# Idiom seen in: noahzhy/Jax-Fit model.py
# Idiom seen in: noahzhy/Jax-Fit demo.py
# What it reproduces: a jupytext (percent cells) notebook version of the Jax-Fit MNIST demo: a Flax CNN with
#   BatchNorm, tfds batches, TrainState.create(tx=...) with a warmup-cosine lr function. Clean:
#   optax.chain(add_decayed_weights(5e-4, mask=...), sgd(lr_fn, momentum=0.9)) puts the decay BEFORE the
#   learning-rate step (coupled L2 under momentum SGD, not an adaptive optimizer), masks out the 1-d leaves
#   (biases, BatchNorm scale/bias), and lr*wd stays at most 0.05 * 5e-4.
# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     name: python3
# ---

# %%
from typing import Any

import jax
import jax.numpy as jnp
import flax.linen as nn
import optax
import tensorflow_datasets as tfds
from flax.training import train_state

# %%
class Model(nn.Module):
    def setup(self):
        self.conv1 = nn.Conv(features=16, kernel_size=(3, 3))
        self.conv2 = nn.Conv(features=32, kernel_size=(3, 3))
        self.conv3 = nn.Conv(features=64, kernel_size=(3, 3))
        self.dense1 = nn.Dense(features=256)
        self.dense2 = nn.Dense(features=10)

    @nn.compact
    def __call__(self, x, train=False):
        x = nn.relu(nn.BatchNorm(use_running_average=not train)(self.conv1(x)))
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = nn.relu(nn.BatchNorm(use_running_average=not train)(self.conv2(x)))
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = nn.relu(nn.BatchNorm(use_running_average=not train)(self.conv3(x)))
        x = jnp.mean(x, axis=[1, 2])
        x = nn.relu(self.dense1(x))
        return self.dense2(x)

# %%
def get_train_batches(batch_size=256):
    ds = tfds.load(name='mnist', split='train', as_supervised=True, shuffle_files=True)
    return tfds.as_numpy(ds.shuffle(10_000).batch(batch_size).prefetch(1))


class TrainState(train_state.TrainState):
    batch_stats: Any = None


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


epochs, steps_per_epoch = 10, 235
lr_fn = optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=0.05, warmup_steps=2 * steps_per_epoch,
                                           decay_steps=epochs * steps_per_epoch)
tx = optax.chain(
    optax.add_decayed_weights(5e-4, mask=decay_mask),
    optax.sgd(learning_rate=lr_fn, momentum=0.9),
)

model = Model()
variables = model.init(jax.random.PRNGKey(0), jnp.zeros((1, 28, 28, 1)), train=False)
state = TrainState.create(apply_fn=model.apply, params=variables['params'], tx=tx,
                          batch_stats=variables['batch_stats'])

# %%
@jax.jit
def train_step(state, images, labels):
    def loss_fn(params):
        logits, updates = state.apply_fn({'params': params, 'batch_stats': state.batch_stats},
                                         images, train=True, mutable=['batch_stats'])
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, updates

    (loss, updates), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    return state.apply_gradients(grads=grads, batch_stats=updates['batch_stats']), loss

# %%
for epoch in range(epochs):
    for images, labels in get_train_batches():
        state, loss = train_step(state, images.astype(jnp.float32) / 255.0, labels)
    print(f'epoch {epoch}: last loss {loss:.4f}')

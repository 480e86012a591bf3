# Idiom seen in: xiaji888/jax.flax.optax.cifar10 jax.flax.optax.cifar10/33..py
# What it reproduces: a Flax NNX CIFAR-10 script (nnx.split into graphdef/params, a jitted train_step with
#   jax.value_and_grad, tx.update/optax.apply_updates, tfds input). Realistic mistake in that idiom: the user
#   adds a hand-written L2 term over every leaf of params to loss_fn AND switches to optax.adamw, so the
#   parameters are decayed twice (WD201); adamw without mask= also decays biases and BatchNorm scales (WD203).
import jax
import jax.numpy as jnp
import flax.nnx as nn
from flax import nnx
import optax
import tensorflow_datasets as tfds

L2_COEF = 5e-4


class CNN(nn.Module):
    def __init__(self, rngs: nnx.Rngs):
        self.conv1 = nn.Conv(3, 32, kernel_size=(3, 3), rngs=rngs)
        self.bn1 = nn.BatchNorm(32, rngs=rngs)
        self.conv2 = nn.Conv(32, 64, kernel_size=(3, 3), rngs=rngs)
        self.linear = nn.Linear(64, 10, rngs=rngs)

    def __call__(self, x):
        x = jax.nn.relu(self.bn1(self.conv1(x)))
        x = jax.nn.relu(self.conv2(x))
        x = jnp.mean(x, axis=(1, 2))
        return self.linear(x)


model = CNN(nnx.Rngs(0))
graphdef, params = nnx.split(model)
tx = optax.adamw(1e-3, weight_decay=1e-4)  # expect: WD203
opt_state = tx.init(params)


@jax.jit
def train_step(params, opt_state, batch):
    def loss_fn(params):
        model = nnx.merge(graphdef, params)
        logits = model(batch['image'] / 255.0)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, batch['label']).mean()
        l2 = sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
        return loss + L2_COEF * l2

    loss, grads = jax.value_and_grad(loss_fn)(params)
    updates, new_opt_state = tx.update(grads, opt_state, params)
    new_params = optax.apply_updates(params, updates)
    return new_params, new_opt_state, loss


train_ds = tfds.load('cifar10', split='train')
train_ds = train_ds.shuffle(10_000).batch(128).prefetch(1)

print("training...")
for epoch in range(10):
    losses = []
    for batch in tfds.as_numpy(train_ds):
        params, opt_state, loss = train_step(params, opt_state, batch)
        losses.append(loss)
    print(f'Epoch {epoch + 1}, Loss: {jnp.mean(jnp.array(losses)):.4f}')
print("done")

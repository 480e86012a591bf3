# Idiom seen in: Willis1118/JAX_learning DDPM/train.py
# What it reproduces: Colab-style flax linen CNN on MNIST with train_state.TrainState; decay is
#   optax.adamw with a traverse_util mask that excludes biases and norm scales, and the loss has no
#   extra L2 term: clean.
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import linen as nn
from flax import traverse_util
from flax.training import train_state
from torchvision.datasets import MNIST
from torch.utils.data import DataLoader

LEARNING_RATE = 1e-3
WEIGHT_DECAY = 0.05
EPOCHS = 5


class CNN(nn.Module):
    @nn.compact
    def __call__(self, x, train=True):
        x = nn.Conv(32, (3, 3))(x)
        x = nn.relu(nn.GroupNorm(num_groups=8)(x))
        x = nn.avg_pool(x, (2, 2), (2, 2))
        x = nn.Conv(64, (3, 3))(x)
        x = nn.relu(x)
        x = x.reshape((x.shape[0], -1))
        x = nn.relu(nn.Dense(256)(x))
        return nn.Dense(10)(x)


def decay_mask_fn(params):
    flat = traverse_util.flatten_dict(params)
    flat_mask = {path: (path[-1] != "bias" and path[-1] != "scale") for path in flat}
    return traverse_util.unflatten_dict(flat_mask)


def numpy_collate(batch):
    xs, ys = zip(*batch)
    return np.stack([np.asarray(x, np.float32)[..., None] / 255.0 for x in xs]), np.array(ys)


def create_train_state(rng):
    model = CNN()
    params = model.init(rng, jnp.ones((1, 28, 28, 1)))["params"]
    tx = optax.adamw(LEARNING_RATE, weight_decay=WEIGHT_DECAY, mask=decay_mask_fn)
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@jax.jit
def train_step(state, images, labels):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, images)
        return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean(), logits

    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads)
    return state, loss, (logits.argmax(-1) == labels).mean()


if __name__ == "__main__":
    loader = DataLoader(MNIST("./data", train=True, download=True), batch_size=128, shuffle=True,
                        collate_fn=numpy_collate)
    state = create_train_state(jax.random.PRNGKey(0))
    for epoch in range(EPOCHS):
        for images, labels in loader:
            state, loss, acc = train_step(state, images, labels)
        print(f"epoch {epoch}: loss {loss:.4f} acc {acc:.3f}")

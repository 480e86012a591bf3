# Idiom seen in: andnp/jax-research-template libs/rl-agents/src/rl_agents/ppo.py
# What it reproduces: flax TrainState trained from a torch DataLoader; optax.adamw with a traverse_util mask
#   that keeps biases and LayerNorm parameters out of the decay. Clean.
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training.train_state import TrainState

from data import get_loaders


class SmallViTish(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.Conv(64, (4, 4), strides=(4, 4))(x)
        x = x.reshape((x.shape[0], -1, 64))
        x = nn.LayerNorm()(x)
        x = nn.gelu(nn.Dense(128)(x))
        x = x.mean(axis=1)
        return nn.Dense(10)(nn.LayerNorm()(x))


def decay_mask_fn(params):
    flat = traverse_util.flatten_dict(params)
    mask = {p: (p[-1] != "bias" and p[-2:] != ("LayerNorm_0", "scale") and p[-2:] != ("LayerNorm_1", "scale"))
            for p in flat}
    return traverse_util.unflatten_dict(mask)


def create_state(rng, lr=1e-3, weight_decay=0.05):
    model = SmallViTish()
    params = model.init(rng, jnp.ones((1, 32, 32, 3)))["params"]
    tx = optax.adamw(learning_rate=lr, weight_decay=weight_decay, mask=decay_mask_fn)
    return TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@jax.jit
def train_step(state, batch):
    imgs, labels = batch

    def loss_fn(params):
        logits = state.apply_fn({"params": params}, imgs)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, (logits.argmax(-1) == labels).mean()

    (loss, acc), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    return state.apply_gradients(grads=grads), loss, acc


if __name__ == "__main__":
    train_loader, val_loader = get_loaders("../data")
    state = create_state(jax.random.PRNGKey(42))
    for epoch in range(10):
        for batch in train_loader:
            state, loss, acc = train_step(state, batch)
        print(epoch, float(loss), float(acc))

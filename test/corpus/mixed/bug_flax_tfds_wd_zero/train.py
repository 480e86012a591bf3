# Idiom seen in: andnp/jax-research-template libs/rl-agents/src/rl_agents/dqn.py
# What it reproduces: mixed TF + JAX project (tfds input pipeline, flax CNN, optax); the decay is wrapped in
#   `if hp.weight_decay:` and the hparams module sets it to 0.0, so the decay machinery is dead.
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
import tensorflow as tf
import tensorflow_datasets as tfds
from flax.training.train_state import TrainState

import hparams as hp


class CNN(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Conv(32, (3, 3))(x))
        x = nn.avg_pool(x, (2, 2), (2, 2))
        x = nn.relu(nn.Conv(64, (3, 3))(x))
        x = x.reshape((x.shape[0], -1))
        return nn.Dense(10)(nn.relu(nn.Dense(256)(x)))


def create_train_state(rng):
    model = CNN()
    params = model.init(rng, jnp.ones((1, 28, 28, 1)))["params"]
    tx = optax.sgd(hp.learning_rate, momentum=hp.momentum)
    if hp.weight_decay:  # expect: WD303
        mask = jax.tree_util.tree_map(lambda p: p.ndim > 1, params)
        tx = optax.chain(optax.add_decayed_weights(hp.weight_decay, mask=mask), tx)
    return TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@jax.jit
def train_step(state, images, labels):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, images)
        return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def main():
    tf.config.set_visible_devices([], "GPU")
    ds = tfds.load("mnist", split="train", as_supervised=True)
    ds = ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y)).shuffle(10_000).batch(hp.batch_size)
    state = create_train_state(jax.random.PRNGKey(0))
    for epoch in range(hp.num_epochs):
        for images, labels in tfds.as_numpy(ds):
            state, loss = train_step(state, images, labels)
        print(f"epoch {epoch}: loss {float(loss):.4f}")


if __name__ == "__main__":
    main()

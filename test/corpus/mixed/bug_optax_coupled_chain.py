# Idiom seen in: apple/axlearn axlearn/common/optimizers.py
# What it reproduces: a flax/optax training script that ports PyTorch Adam(weight_decay=...) by chaining
# optax.add_decayed_weights(config.weight_decay) BEFORE optax.adam: coupled L2 under Adam, and with no
# mask the decay reaches every bias and LayerNorm scale.
from absl import app, flags
import flax.linen as nn
import jax
import jax.numpy as jnp
import ml_collections
import optax
from flax.training import train_state

import input_pipeline

FLAGS = flags.FLAGS
flags.DEFINE_string('workdir', '/tmp/mlp', 'Directory for checkpoints.')


def get_config():
    config = ml_collections.ConfigDict()
    config.learning_rate = 1e-3
    config.weight_decay = 1e-4
    config.batch_size = 128
    config.num_epochs = 20
    return config


class MLP(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.Dense(512)(x)
        x = nn.LayerNorm()(x)
        x = nn.gelu(x)
        return nn.Dense(10)(x)


def create_train_state(rng, config):
    model = MLP()
    params = model.init(rng, jnp.ones([1, 784]))['params']
    tx = optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.add_decayed_weights(config.weight_decay),  # expect: WD202, WD203
        optax.adam(config.learning_rate),
    )
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@jax.jit
def train_step(state, batch):
    def loss_fn(params):
        logits = state.apply_fn({'params': params}, batch['image'])
        return optax.softmax_cross_entropy_with_integer_labels(logits, batch['label']).mean()
    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def main(argv):
    del argv
    config = get_config()
    state = create_train_state(jax.random.PRNGKey(0), config)
    for epoch in range(config.num_epochs):
        for batch in input_pipeline.get_batches(config.batch_size):
            state, loss = train_step(state, batch)
        print('epoch', epoch, 'loss', float(loss))


if __name__ == '__main__':
    app.run(main)

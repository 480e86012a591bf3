# Idiom seen in: OsaRobots/lbd src/models/main_transformer.py
# What it reproduces: a one-block nnx transformer for a multi-armed-bandit choice task, trained with
#   nnx.Optimizer(model, optax.inject_hyperparams(optax.adamw)(...)) whose mask keeps the decay off the biases
#   and the LayerNorm scales (ndim > 1 only); the loss is the cross entropy alone. Clean.
import jax
import jax.numpy as jnp
import optax
import tensorflow as tf
from flax import nnx
from jax import random


class MLP(nnx.Module):
    def __init__(self, hidden_dims, num_heads, rngs: nnx.Rngs):
        self.dense1 = nnx.Linear(hidden_dims, hidden_dims * num_heads, rngs=rngs)
        self.dense2 = nnx.Linear(hidden_dims * num_heads, hidden_dims, rngs=rngs)
        self.dropout = nnx.Dropout(rate=0.1, rngs=rngs)

    def __call__(self, x, *, deterministic: bool = False):
        return self.dropout(self.dense2(jax.nn.relu(self.dense1(x))), deterministic=deterministic)


class TransformerModel(nnx.Module):
    def __init__(self, in_dims, hidden_dims, out_dims, num_heads, rngs: nnx.Rngs):
        self.initial_proj = nnx.Linear(in_dims, hidden_dims, rngs=rngs)
        self.ln1 = nnx.LayerNorm(num_features=hidden_dims, rngs=rngs)
        self.mha = nnx.MultiHeadAttention(num_heads=num_heads, in_features=hidden_dims,
                                          qkv_features=hidden_dims, out_features=hidden_dims,
                                          dropout_rate=.1, use_bias=False, rngs=rngs)
        self.ln2 = nnx.LayerNorm(num_features=hidden_dims, rngs=rngs)
        self.mlp = MLP(hidden_dims, num_heads=num_heads, rngs=rngs)
        self.action_logits = nnx.Linear(hidden_dims, out_dims, rngs=rngs)

    def __call__(self, inputs: jax.Array, *, deterministic: bool = False):
        causal_mask = nnx.make_causal_mask(inputs[:, :, 0])
        x_proj = self.initial_proj(inputs)
        x = x_proj + self.mha(self.ln1(x_proj), mask=causal_mask, decode=False, deterministic=deterministic)
        z = x + self.mlp(self.ln2(x), deterministic=deterministic)
        return self.action_logits(z)


def decay_mask(params):
    # kernels and embeddings only: Linear biases and LayerNorm scales are 1-D (attention has no bias)
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


if __name__ == '__main__':
    rngs = nnx.Rngs(params=0, dropout=random.key(1))
    in_dims, hidden_dims, out_dims, num_heads = 62, 128, 20, 4
    learning_rate = 0.001
    weight_decay = 0.01
    batch_size = 32
    train_steps = 2500

    schedule = optax.warmup_cosine_decay_schedule(0.0, learning_rate, warmup_steps=100, decay_steps=train_steps)
    tx = optax.inject_hyperparams(optax.adamw)(learning_rate=schedule, weight_decay=weight_decay, mask=decay_mask)
    model = TransformerModel(in_dims, hidden_dims, out_dims, num_heads, rngs=rngs)
    optimizer = nnx.Optimizer(model, tx)
    metrics = nnx.MultiMetric(accuracy=nnx.metrics.Accuracy(), loss=nnx.metrics.Average('loss'))

    def loss_fn(model: TransformerModel, batch):
        logits = model(batch['inputs'])
        loss = optax.softmax_cross_entropy(logits=logits, labels=batch['targets']).mean()
        return loss, logits

    @nnx.jit
    def train_step(model, optimizer, metrics, batch):
        (loss, logits), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model, batch)
        metrics.update(loss=loss, logits=logits, labels=jnp.argmax(batch['targets'], axis=-1))
        optimizer.update(grads)

    ds = tf.data.Dataset.load('./data/rnn_tf_dataset')
    train_ds = ds.repeat().shuffle(256).batch(batch_size, drop_remainder=True).take(train_steps)
    for step, batch in enumerate(train_ds.as_numpy_iterator()):
        train_step(model, optimizer, metrics, batch)
        if step % 100 == 0:
            lr_now = optimizer.opt_state.hyperparams['learning_rate']
            print(step, float(lr_now), {k: float(v) for k, v in metrics.compute().items()})
            metrics.reset()

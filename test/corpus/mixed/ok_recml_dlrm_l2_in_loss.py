# Idiom seen in: AI-Hypercomputer/RecML examples/dlrm/dlrm_main.py
# What it reproduces: DLRM click-through training step in JAX: forward_pass returns (loss, logits) to
# jax.value_and_grad(..., has_aux=True), tx is plain optax.adagrad (no decay of its own), and an L2 on the
# dense MLP kernels is added to the cross entropy inside forward_pass, so it is part of the
# differentiated loss, not of the aux outputs: one decay, trained: clean.
import functools

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from absl import app, flags, logging
from flax import traverse_util

from dataloader import CriteoDataLoader, DataConfig  # Criteo tf.data pipeline, not part of this workspace

FLAGS = flags.FLAGS
_BATCH_SIZE = flags.DEFINE_integer("batch_size", 8192, "Batch size.")
_FILE_PATTERN = flags.DEFINE_string("file_pattern", None, "File pattern for the training data.")
_LEARNING_RATE = flags.DEFINE_float("learning_rate", 0.01, "Learning rate.")
_L2 = flags.DEFINE_float("l2", 1e-6, "L2 penalty on the dense MLP kernels.")
_NUM_STEPS = flags.DEFINE_integer("num_steps", 28000, "Number of steps to train for.")
_EMBEDDING_SIZE = flags.DEFINE_integer("embedding_size", 16, "Embedding size.")

VOCAB_SIZES = [39060, 17295, 7424, 20265, 3, 7122, 1543, 63, 2209, 11938, 155, 4, 976, 14]


class DLRM(nn.Module):
    embedding_size: int
    bottom_mlp_dims: tuple = (512, 256, 16)
    top_mlp_dims: tuple = (1024, 1024, 512, 256, 1)

    @nn.compact
    def __call__(self, dense_features, sparse_ids):
        x = dense_features
        for d in self.bottom_mlp_dims:
            x = nn.relu(nn.Dense(d)(x))
        embs = [nn.Embed(v, self.embedding_size)(sparse_ids[:, i]) for i, v in enumerate(VOCAB_SIZES)]
        z = jnp.concatenate([x] + embs, axis=-1)
        for d in self.top_mlp_dims[:-1]:
            z = nn.relu(nn.Dense(d)(z))
        return nn.Dense(self.top_mlp_dims[-1])(z).squeeze(-1)


def kernel_l2(params):
    flat = traverse_util.flatten_dict(params)
    return sum(jnp.sum(jnp.square(v)) for k, v in flat.items() if k[-1] == "kernel")


def main(argv):
    del argv
    loader = CriteoDataLoader(file_pattern=_FILE_PATTERN.value,
                              params=DataConfig(global_batch_size=_BATCH_SIZE.value, is_training=True),
                              num_dense_features=13, vocab_sizes=VOCAB_SIZES)
    iterator = loader.get_iterator()
    model = DLRM(embedding_size=_EMBEDDING_SIZE.value)
    batch = next(iterator)
    params = model.init(jax.random.key(42), batch["dense_features"], batch["sparse_features"])
    tx = optax.adagrad(learning_rate=_LEARNING_RATE.value)
    opt_state = tx.init(params)

    @functools.partial(jax.jit, donate_argnums=(0,))
    def train_step(params, labels, dense_features, sparse_ids, opt_state):
        def forward_pass(params, labels, dense_features, sparse_ids):
            logits = model.apply(params, dense_features, sparse_ids)
            xentropy = optax.sigmoid_binary_cross_entropy(logits=logits, labels=labels)
            loss = jnp.mean(xentropy) + _L2.value * kernel_l2(params["params"])
            return loss, logits

        train_step_fn = jax.value_and_grad(forward_pass, has_aux=True)
        (loss_val, unused_logits), grads = train_step_fn(params, labels, dense_features, sparse_ids)
        updates, opt_state = tx.update(grads, opt_state)
        params = optax.apply_updates(params, updates)
        return params, opt_state, loss_val

    for step in range(_NUM_STEPS.value):
        batch = next(iterator)
        params, opt_state, loss_val = train_step(params, batch["clicked"], batch["dense_features"],
                                                 batch["sparse_features"], opt_state)
        if step % 1500 == 0:
            logging.info("Step %s: %lf", step, loss_val)


if __name__ == "__main__":
    app.run(main)

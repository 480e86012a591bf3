# Idiom seen in: repository not resolved by the code index (index file id 42500928489: a Flax GPT trainer whose
#   create_train_state routes params labelled by p.ndim >= 2 through optax.multi_transform)
# What it reproduces: a small character-level GPT in Flax linen (Embed, pre-LayerNorm blocks, Dense with biases),
#   TrainState with a chain of global-norm clipping and multi_transform over a label pytree, warmup-cosine schedule.
# label-note: clean. Only tensors with ndim >= 2 (Dense/attention kernels, the embeddings) get the decayed adamw;
#   the Dense biases and LayerNorm scale/bias are 1-D and go to the weight_decay=0.0 adamw (no WD203; attention is
#   bias-free, so no 2-D (heads, head_dim) bias exists to slip past the ndim test); adamw is decoupled (no WD202)
#   and the loss has no explicit penalty (no WD201).
from functools import partial

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from data import get_batch  # char-level shakespeare batches

class Block(nn.Module):
    n_embd: int
    n_head: int

    @nn.compact
    def __call__(self, x):
        mask = nn.make_causal_mask(jnp.ones(x.shape[:2]))
        x = x + nn.SelfAttention(num_heads=self.n_head, use_bias=False)(nn.LayerNorm()(x), mask=mask)
        h = nn.Dense(4 * self.n_embd)(nn.LayerNorm()(x))
        return x + nn.Dense(self.n_embd)(nn.gelu(h))


class GPT(nn.Module):
    vocab_size: int = 65
    block_size: int = 256
    n_layer: int = 6
    n_head: int = 6
    n_embd: int = 384

    @nn.compact
    def __call__(self, idx, targets):
        x = nn.Embed(self.vocab_size, self.n_embd)(idx) + nn.Embed(self.block_size, self.n_embd)(jnp.arange(idx.shape[1]))
        for _ in range(self.n_layer):
            x = Block(self.n_embd, self.n_head)(x)
        logits = nn.Dense(self.vocab_size, use_bias=False)(nn.LayerNorm()(x))
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, targets).mean()
        return logits, loss


def create_train_state(key, model, lr_schedule, weight_decay: float):
    dummy = jnp.ones((1, model.block_size), dtype=jnp.int32)
    params = model.init(key, dummy, dummy)["params"]
    decay_mask = jax.tree_util.tree_map(lambda p: p.ndim >= 2, params)  # decay 2-D tensors, not 1-D ones
    tx = optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.multi_transform(
            {
                "decay": optax.adamw(learning_rate=lr_schedule, weight_decay=weight_decay, b1=0.9, b2=0.95),
                "no_decay": optax.adamw(learning_rate=lr_schedule, weight_decay=0.0, b1=0.9, b2=0.95),
            },
            jax.tree_util.tree_map(lambda d: "decay" if d else "no_decay", decay_mask),
        ),
    )
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@partial(jax.jit, donate_argnums=0)
def train_step(state, inputs, labels):
    def loss_fn(params):
        return state.apply_fn({"params": params}, inputs, labels)[1]

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


if __name__ == "__main__":
    max_iters, weight_decay = 5000, 0.1  # nanoGPT's shakespeare-char settings
    schedule = optax.warmup_cosine_decay_schedule(0.0, 6e-4, 200, max_iters, end_value=6e-5)
    model = GPT()
    state = create_train_state(jax.random.PRNGKey(1337), model, schedule, weight_decay)
    for it in range(max_iters):
        state, loss = train_step(state, *get_batch("train", batch_size=64, block_size=model.block_size))

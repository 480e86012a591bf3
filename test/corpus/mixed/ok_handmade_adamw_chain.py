# Idiom seen in: google-deepmind/optax optax/_src/alias.py; huggingface/transformers examples/flax/text-classification/run_flax_glue.py
# What it reproduces: an AdamW written out as an optax chain, the way optax's own aliases build it
# (scale_by_adam, then add_decayed_weights(weight_decay, mask), then the learning-rate step), with a
# gradient clip in front and a mask that keeps biases and LayerNorm parameters out. The decay is
# decoupled and masked, and the loss carries no penalty: no finding.
import argparse

import jax
import jax.numpy as jnp
import optax
from flax import linen as nn
from flax import traverse_util
from flax.training import train_state

from data import get_batches


class MLP(nn.Module):
    hidden: int = 512
    num_classes: int = 10

    @nn.compact
    def __call__(self, x):
        x = nn.Dense(self.hidden)(x.reshape((x.shape[0], -1)))
        x = nn.LayerNorm()(x)
        x = nn.gelu(x)
        return nn.Dense(self.num_classes)(x)


def decay_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({path: path[-1] == 'kernel' for path in flat})


def make_optimizer(args, total_steps):
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0, peak_value=args.lr, warmup_steps=args.warmup_steps, decay_steps=total_steps)
    return optax.chain(
        optax.clip_by_global_norm(args.clip),
        optax.scale_by_adam(b1=0.9, b2=0.98, eps=1e-8),
        optax.add_decayed_weights(args.weight_decay, mask=decay_mask),
        optax.scale_by_learning_rate(schedule),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=3e-4)
    parser.add_argument('--weight_decay', type=float, default=0.1)
    parser.add_argument('--clip', type=float, default=1.0)
    parser.add_argument('--warmup_steps', type=int, default=500)
    parser.add_argument('--steps', type=int, default=20000)
    parser.add_argument('--batch_size', type=int, default=256)
    args = parser.parse_args()

    model = MLP()
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 28, 28)))['params']
    state = train_state.TrainState.create(
        apply_fn=model.apply, params=params, tx=make_optimizer(args, args.steps))

    @jax.jit
    def train_step(state, images, labels):
        def loss_fn(params):
            logits = state.apply_fn({'params': params}, images)
            return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()

        loss, grads = jax.value_and_grad(loss_fn)(state.params)
        return state.apply_gradients(grads=grads), loss

    for step, (images, labels) in zip(range(args.steps), get_batches('train', args.batch_size)):
        state, loss = train_step(state, images, labels)
        if step % 1000 == 0:
            print(step, float(loss))


if __name__ == '__main__':
    main()

# Idiom seen in: BeeGass/HiPPO-Jax src/optimizer/adamw.py
# What it reproduces: an optimizer wrapper class that builds `optax.adamw(self.lr, self.beta,
# self.weight_decay)` positionally. adamw's third positional parameter is b2, not weight_decay, so the
# user's decay becomes Adam's second-moment rate and optax's default weight_decay (1e-4) is applied,
# with no mask, to every leaf, LayerNorm scales and biases included (WD203, on the call).
# label-note: the b2 mix-up itself is not a weight-decay rule; only the default, unmasked decay is labelled.
import argparse

import jax
import jax.numpy as jnp
import optax
from flax import linen as nn
from flax.training import train_state

from data_loader import sequence_batches


class Optimizer:
    def __init__(self, lr: float):
        self.lr = lr
        self.tx = None


class Adamw(Optimizer):
    def __init__(self, lr: float, beta: float, weight_decay: float):
        super().__init__(lr=lr)
        self.beta = beta
        self.weight_decay = weight_decay
        self.tx = optax.adamw(self.lr, self.beta, self.weight_decay)  # expect: WD203


class SequenceModel(nn.Module):
    hidden: int = 256
    out: int = 10

    @nn.compact
    def __call__(self, x):
        x = nn.Dense(self.hidden)(x)
        x = nn.LayerNorm()(x)
        x = nn.gelu(x).mean(axis=1)
        return nn.Dense(self.out)(x)


def main():
    parser = argparse.ArgumentParser(description='HiPPO sequence classification')
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--beta', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=0.01)
    parser.add_argument('--epochs', type=int, default=50)
    parser.add_argument('--batch_size', type=int, default=64)
    args = parser.parse_args()

    opt = Adamw(lr=args.lr, beta=args.beta, weight_decay=args.weight_decay)
    model = SequenceModel()
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 784, 1)))['params']
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=opt.tx)

    @jax.jit
    def train_step(state, x, y):
        def loss_fn(params):
            logits = state.apply_fn({'params': params}, x)
            return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

        loss, grads = jax.value_and_grad(loss_fn)(state.params)
        return state.apply_gradients(grads=grads), loss

    for epoch in range(args.epochs):
        for x, y in sequence_batches('train', args.batch_size):
            state, loss = train_step(state, x, y)
        print(f'epoch {epoch}: loss {float(loss):.4f}')


if __name__ == '__main__':
    main()

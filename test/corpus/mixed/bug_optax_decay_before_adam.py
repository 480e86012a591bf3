# Idiom seen in: google-deepmind/optax issue #494 (user's optimizer snippet: add_decayed_weights
#   with a bias/embedding mask chained before optax.adamw(learning_rate, weight_decay=0.0))
# What it reproduces: the user wants AdamW-style decay that skips biases and embeddings, but puts
#   add_decayed_weights BEFORE the Adam scaling: the decay is added to the gradient and then divided
#   by sqrt(v)+eps, i.e. coupled L2 under Adam, not decoupled weight decay.
# label-note: WD202 on the add_decayed_weights line (the optax chain equivalent of Adam(weight_decay=...));
#   the mask excludes biases/embeddings/LayerNorm, so no WD203; adamw has weight_decay=0.0 (no second decay).
import argparse

import jax
import optax
from flax import traverse_util
from flax.training import train_state

from model import TransformerLM
from data import batch_iterator


def param_decay_mask(params):
    flat = traverse_util.flatten_dict(params)
    mask = {
        path: not (path[-1] == "bias" or path[-1] == "embedding" or "LayerNorm" in path[-2])
        for path in flat
    }
    return traverse_util.unflatten_dict(mask)


def make_optimizer(params, learning_rate, weight_decay, grad_clip):
    return optax.chain(
        optax.clip_by_global_norm(grad_clip),
        # Apply weight decay excluding bias and embedding parameters
        optax.add_decayed_weights(weight_decay, mask=param_decay_mask(params)),  # expect: WD202
        optax.adamw(learning_rate, weight_decay=0.0),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--weight_decay", type=float, default=0.1)
    parser.add_argument("--grad_clip", type=float, default=1.0)
    parser.add_argument("--steps", type=int, default=50000)
    args = parser.parse_args()

    model = TransformerLM(vocab_size=50257, num_layers=6, d_model=512)
    rng = jax.random.PRNGKey(0)
    params = model.init(rng, jax.numpy.ones((1, 256), dtype=jax.numpy.int32))["params"]
    tx = make_optimizer(params, args.lr, args.weight_decay, args.grad_clip)
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)

    @jax.jit
    def train_step(state, tokens):
        def loss_fn(p):
            logits = state.apply_fn({"params": p}, tokens[:, :-1])
            return optax.softmax_cross_entropy_with_integer_labels(logits, tokens[:, 1:]).mean()

        loss, grads = jax.value_and_grad(loss_fn)(state.params)
        return state.apply_gradients(grads=grads), loss

    for step, tokens in zip(range(args.steps), batch_iterator("train", batch_size=32)):
        state, loss = train_step(state, tokens)
        if step % 500 == 0:
            print(step, float(loss))


if __name__ == "__main__":
    main()

# Idiom seen in: michael-diggin/jax-transformer opt.py
# Idiom seen in: michael-diggin/jax-transformer training.py
# What it reproduces: the repo's hand-written Adam with cosine warm-up moved to optax; the user
#   adds "weight decay" as add_decayed_weights before inject_hyperparams(optax.adam): that is
#   coupled L2 scaled down by Adam, not AdamW's decoupled decay (masked to kernels, so no WD203).
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training import train_state

from config import get_config
from model import Transformer
from data import TokenStream


def decay_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] == "kernel" for k in flat})


def make_tx(cfg):
    schedule = optax.warmup_cosine_decay_schedule(
        0.0, cfg.learning_rate, cfg.warmup_steps, cfg.max_steps)
    return optax.chain(
        optax.clip_by_global_norm(cfg.grad_clip),
        optax.add_decayed_weights(cfg.weight_decay, mask=decay_mask),  # expect: WD202
        optax.inject_hyperparams(optax.adam)(learning_rate=schedule, b2=0.98),
    )


def create_state(cfg, rng):
    model = Transformer(vocab_size=32000, d_model=cfg.d_model, n_layers=cfg.n_layers, n_heads=cfg.n_heads)
    params = model.init(rng, jnp.zeros((1, cfg.seq_len), jnp.int32), train=False)["params"]
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=make_tx(cfg))


@jax.jit
def train_step(state, tokens):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, tokens[:, :-1], train=True)
        return optax.softmax_cross_entropy_with_integer_labels(logits, tokens[:, 1:]).mean()

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def main():
    cfg = get_config()
    state = create_state(cfg, jax.random.PRNGKey(0))
    stream = TokenStream("data/train.bin", cfg.batch_size, cfg.seq_len + 1)
    for step in range(cfg.max_steps):
        state, loss = train_step(state, next(stream))
        if step % 100 == 0:
            lr = state.opt_state[2].hyperparams["learning_rate"]
            print(f"step {step} loss {float(loss):.3f} lr {float(lr):.2e}")


if __name__ == "__main__":
    main()

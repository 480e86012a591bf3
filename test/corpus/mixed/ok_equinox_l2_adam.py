# Idiom seen in: dlxj/doc lang/programming/pytorch/jax/t.py
# What it reproduces: equinox model trained with eqx.filter_value_and_grad and optax.adam (no optimizer
# decay); the L2 penalty over the model's array leaves is added to the loss that is differentiated. Clean.
import equinox as eqx
import jax
import jax.numpy as jnp
import jax.random as jrandom
import optax

from toy_data import get_batches

LEARNING_RATE = 3e-3
L2_COEF = 1e-4
STEPS = 2000


def l2_penalty(model):
    params = eqx.filter(model, eqx.is_array)
    return sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params))


@eqx.filter_value_and_grad
def loss_fn(model, x, y):
    pred_y = jax.vmap(model)(x)
    mse = jnp.mean((y - pred_y) ** 2)
    return mse + L2_COEF * l2_penalty(model)


@eqx.filter_jit
def make_step(model, opt_state, x, y, optim):
    loss, grads = loss_fn(model, x, y)
    updates, opt_state = optim.update(grads, opt_state, eqx.filter(model, eqx.is_array))
    model = eqx.apply_updates(model, updates)
    return loss, model, opt_state


def main(seed=5678):
    key = jrandom.PRNGKey(seed)
    model_key, data_key = jrandom.split(key)
    model = eqx.nn.MLP(in_size=2, out_size=3, width_size=64, depth=2, key=model_key)
    optim = optax.adam(LEARNING_RATE)
    opt_state = optim.init(eqx.filter(model, eqx.is_array))
    for step, (x, y) in zip(range(STEPS), get_batches(32, key=data_key)):
        loss, model, opt_state = make_step(model, opt_state, x, y, optim)
        if step % 200 == 0:
            print(f"step={step} loss={loss.item():.5f}")
    return model


if __name__ == "__main__":
    main()

# Idiom seen in: DrJupiter/SDE-DATA-GENERATION main.py
# Idiom seen in: DrJupiter/SDE-DATA-GENERATION optimizer/optimizers.py
# What it reproduces: the training entry point that builds the optimizer once from CONFIG; weight_decay is 0.0
#   there, so the decay branch of optimizers.adam never runs.
import jax
import optax

from config import CONFIG
from data.dataload import dataload
from loss.dsm import get_loss
from models.model import get_model
from optimizers import get_optim


def main(cfg):
    key = jax.random.PRNGKey(cfg["train"]["seed"])
    key, model_key = jax.random.split(key)
    model_call, params = get_model(cfg, model_key)
    optimizer, opt_state = get_optim(cfg, params)
    loss_fn = get_loss(cfg, model_call)
    grad_fn = jax.jit(jax.value_and_grad(loss_fn))

    train_iter = dataload(cfg)
    for step in range(cfg["train"]["steps"]):
        key, sub = jax.random.split(key)
        loss, grads = grad_fn(params, next(train_iter), sub)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        if step % 1000 == 0:
            print(f"step {step}: loss {float(loss):.5f}")


if __name__ == "__main__":
    main(CONFIG)

# Idiom seen in: EricBoittier/JaxPycharmm src/training.py
# What it reproduces: the training driver: model from a package the program does not hold, params from
#   model.init, opt_state from the imported optimizer chain, epochs over prepared batches, plateau transform
#   updated with the validation loss.
import jax
import jax.numpy as jnp

from data import prepare_batches, prepare_datasets
from model import EF
from optimizer import optimizer, transform
from trainstep import train_step


def train(key, data_key, num_epochs=500, batch_size=32, forces_weight=52.91):
    train_data, valid_data = prepare_datasets(data_key, num_train=8000, num_valid=1000)
    model = EF(features=64, max_degree=2, num_iterations=2, num_basis_functions=32, cutoff=6.0)
    batch = next(iter(prepare_batches(key, train_data, batch_size)))
    params = model.init(key, atomic_numbers=batch["Z"], positions=batch["R"], dst_idx=batch["dst_idx"],
                        src_idx=batch["src_idx"], batch_segments=batch["batch_segments"], batch_size=batch_size)
    ema_params = params
    opt_state = optimizer.init(params)
    transform_state = transform.init(params)

    for epoch in range(1, num_epochs + 1):
        key, shuffle_key = jax.random.split(key)
        losses = []
        for batch in prepare_batches(shuffle_key, train_data, batch_size):
            params, ema_params, opt_state, loss = train_step(
                model_apply=model.apply, optimizer_update=optimizer.update, transform_state=transform_state,
                batch=batch, batch_size=batch_size, forces_weight=forces_weight,
                opt_state=opt_state, params=params, ema_params=ema_params)
            losses.append(loss)
        train_loss = jnp.mean(jnp.array(losses))
        _, transform_state = transform.update(updates=params, state=transform_state, value=train_loss)
        print(f"epoch {epoch}: train loss {train_loss:.5f} lr scale {transform_state.scale:.4f}")
    return ema_params


if __name__ == "__main__":
    train(jax.random.PRNGKey(0), jax.random.PRNGKey(1))

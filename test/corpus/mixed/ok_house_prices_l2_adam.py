# Idiom seen in: Arnaud15/house_prices_mlp train.py
# Idiom seen in: Arnaud15/house_prices_mlp house_prices_mlp/train_utils.py
# What it reproduces: the train_step pure_loss for jax.value_and_grad(has_aux=True) with the
#   weight_decay(scale, params_tree) penalty summed into the differentiated loss; the optimizer is plain
#   optax.adam (no decoupled decay), so the L2 acts once. Clean.
import jax
import jax.numpy as jnp
import jax.random as random
import optax
import tensorflow as tf
import tensorflow_datasets as tfds

from board import SummaryWriter
from utils import init_params, update_running


def squared_loss(y, predicted):
    return (y - predicted) ** 2


mse_loss = jax.vmap(squared_loss, in_axes=0)


def weight_decay(scale, params_tree):
    """
    Weight decay in JAX.
    """
    l2_sum = jax.tree_util.tree_reduce(lambda x, y: x + jnp.sum(y ** 2), params_tree, initializer=0.0)
    dim = jax.tree_util.tree_reduce(lambda x, y: x + jnp.prod(jnp.array(y.shape)), params_tree, initializer=0.0)
    return scale * l2_sum / dim


def train_step(rng, params, opt_state, x, y, model, optimizer, loss_fn, l2_scale):
    @jax.jit
    def pure_loss(params):
        predicted = model.apply(params, x, rngs={"dropout": rng})
        loss_items = loss_fn(y, predicted)
        penalty = weight_decay(scale=l2_scale, params_tree=params)
        return jnp.mean(loss_items) + penalty, (predicted, penalty)

    (loss_step, (predicted_step, penalty_step)), grad_step = jax.value_and_grad(pure_loss, has_aux=True)(params)
    param_updates, opt_state = optimizer.update(grad_step, opt_state)
    params = optax.apply_updates(params, param_updates)
    return params, opt_state, loss_step, penalty_step, y - predicted_step


def train(rng, model, optimizer, train_dataset, num_epochs, inputs_shape, layer_name, bias, l2_scale=1e-3,
          output_dir="logs", print_every=10):
    writer = SummaryWriter(output_dir)
    rng, init_params_rng = random.split(rng, num=2)
    params = init_params(rng=init_params_rng, model=model, inputs_shape=inputs_shape, bias=bias,
                         layer_name=layer_name)
    opt_state = optimizer.init(params)
    step = 0
    running_train_loss = None
    for _ in range(num_epochs):
        for (x_train, y_train) in tfds.as_numpy(train_dataset):
            rng, rng_train = random.split(rng, num=2)
            params, opt_state, loss_step, penalty_step, res_step = train_step(
                rng_train, params, opt_state, x_train, y_train, model, optimizer, mse_loss, l2_scale)
            running_train_loss = update_running(obs=loss_step, loss=running_train_loss, decay=0.9)
            step += 1
            if step % print_every == 0:
                writer.scalar("train_loss", running_train_loss, step=step)
                writer.scalar("weight_penalty", penalty_step, step=step)
                print(f"Step {step} | Loss: {loss_step:.3f} | L2: {penalty_step:.5f}")
    return params


if __name__ == "__main__":
    from models import MLP
    from data_loader import get_dataset
    train_ds = get_dataset("data/train.csv", batch_size=32)
    model = MLP(layer_sizes=[32, 32, 1], dropout=False)
    train(random.PRNGKey(0), model, optax.adam(1e-3), train_ds, num_epochs=100, inputs_shape=(32, 288),
          layer_name="Dense_2", bias=12.0, l2_scale=1e-2)

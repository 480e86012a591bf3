# Idiom seen in: tisabe/jraph_MPEU jraph_MPEU/train.py
# What it reproduces: create_optimizer returns optax.adamw(weight_decay=config.weight_decay) without a mask
# (as in the repo), and a user adds an explicit l2 over tree_leaves(params) to loss_fn_mse (realistic
# edit): every parameter is decayed twice, and AdamW also decays the biases/LayerNorm of the MPNN.
import functools

import haiku as hk
import jax
import jax.numpy as jnp
import jraph
import ml_collections
import numpy as np
import optax
from absl import app, flags, logging

from default_config import get_config
from jraph_MPEU.models.loading import create_model  # model zoo, not part of this workspace
from jraph_MPEU.input_pipeline import get_datasets, DataReader  # not part of this workspace
from jraph_MPEU.utils import replace_globals, get_valid_mask  # not part of this workspace


def create_optimizer(config: ml_collections.ConfigDict) -> optax.GradientTransformation:
    """Create an Optax optimizer object."""
    if config.schedule == 'exponential_decay':
        learning_rate = optax.exponential_decay(
            init_value=config.init_lr,
            transition_steps=config.transition_steps,
            decay_rate=config.decay_rate,
            staircase=True)
    else:
        raise ValueError(f'Unsupported schedule: {config.schedule}.')

    if config.optimizer == 'adam':
        return optax.adam(learning_rate=learning_rate)
    elif config.optimizer == 'adamw':
        return optax.adamw(
            learning_rate=learning_rate, weight_decay=config.weight_decay)  # expect: WD203
    raise ValueError(f'Unsupported optimizer: {config.optimizer}.')


def loss_fn_mse(params, hk_state, rng, graphs, net_apply, l2_reg):
    """Mean squared error loss function for regression, plus an L2 penalty on the weights."""
    labels = graphs.globals
    graphs = replace_globals(graphs)
    mask = get_valid_mask(graphs)
    pred_graphs, new_state = net_apply(params, hk_state, rng, graphs)
    predictions = pred_graphs.globals
    labels = jnp.expand_dims(labels, 1)
    sq_diff = jnp.square((predictions - labels) * mask)
    mean_loss = jnp.sum(sq_diff) / jnp.sum(mask)
    l2 = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
    mean_loss = mean_loss + l2_reg * l2
    mae = jnp.sum(jnp.abs((predictions - labels) * mask)) / jnp.sum(mask)
    return mean_loss, (mae, new_state)


class Updater:
    """A stateless abstraction around an init_fn/update_fn pair."""

    def __init__(self, net, loss_fn, optimizer: optax.GradientTransformation):
        self._net = net
        self._opt = optimizer
        self._loss_fn = loss_fn

    def init(self, rng, data):
        out_rng, init_rng = jax.random.split(rng)
        params, hk_state = self._net.init(init_rng, data)
        opt_state = self._opt.init(params)
        return dict(step=np.array(0), rng=out_rng, params=params, hk_state=hk_state, opt_state=opt_state)

    @functools.partial(jax.jit, static_argnums=0)
    def update(self, state, data: jraph.GraphsTuple):
        rng, new_rng = jax.random.split(state['rng'])
        (loss, (mae, hk_state)), grad = jax.value_and_grad(self._loss_fn, has_aux=True)(
            state['params'], state['hk_state'], rng, data, self._net.apply)
        updates, opt_state = self._opt.update(grad, state['opt_state'], state['params'])
        params = optax.apply_updates(state['params'], updates)
        new_state = dict(step=state['step'] + 1, rng=new_rng, params=params, hk_state=hk_state, opt_state=opt_state)
        return new_state, {'loss': loss, 'mae': mae}


def train_and_evaluate(config: ml_collections.ConfigDict, workdir: str):
    datasets, norm_dict = get_datasets(config, workdir)
    train_reader = DataReader(data=datasets['train'], batch_size=config.batch_size, repeat=True,
                              seed=config.seed_weights)
    init_graphs = replace_globals(next(train_reader))

    net = hk.transform_with_state(create_model(config, is_training=True))
    optimizer = create_optimizer(config)
    loss_fn = functools.partial(loss_fn_mse, l2_reg=config.l2_reg)
    updater = Updater(net, loss_fn, optimizer)
    state = updater.init(jax.random.PRNGKey(config.seed_weights), init_graphs)

    for step in range(1, config.num_train_steps_max + 1):
        graphs = next(train_reader)
        state, metrics = updater.update(state, graphs)
        if step % config.log_every_steps == 0:
            logging.info(f'Step {step} train loss: {metrics["loss"]} mae: {metrics["mae"]}')
    return state


FLAGS = flags.FLAGS
flags.DEFINE_string('workdir', 'results/qm9/mpeu', 'Directory to store model data.')


def main(argv):
    del argv
    train_and_evaluate(get_config(), FLAGS.workdir)


if __name__ == '__main__':
    app.run(main)

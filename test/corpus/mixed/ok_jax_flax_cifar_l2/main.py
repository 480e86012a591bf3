# Idiom seen in: jvlmdr/flax-cifar main.py (absl app.run(main), config_flags.DEFINE_config_file, objective_fn with data_loss + config.train.weight_decay * wd_loss, jax.value_and_grad(..., has_aux=True), optax.sgd)
# What it reproduces: a hand-written 0.5*sum(w**2) penalty over the kernel leaves is added to the objective that value_and_grad differentiates; plain SGD, no optimizer-side decay. Clean.
from absl import app, flags
import jax
from jax import numpy as jnp
from jax import random, tree_util
import optax
from ml_collections import config_flags

import models.resnet_v1  # not in this folder
import util  # not in this folder
from cifar_data import make_loaders  # not in this folder

flags.DEFINE_string('dataset_root', None, 'Path to data.', required=True)
config_flags.DEFINE_config_file('config')
FLAGS = flags.FLAGS


def filter_kernel_params(tree):
    return [x for path, x in util.dict_tree_items(tree) if path[-1] == 'kernel']


def main(_):
    config = FLAGS.config
    train_loader, val_loader = make_loaders(FLAGS.dataset_root, config.train.batch_size)
    model = models.resnet_v1.ResNet18(num_classes=10, **config.model.resnet)
    init_vars = model.init(random.PRNGKey(0), jnp.zeros((1, 32, 32, 3)))
    params, batch_stats = init_vars['params'], init_vars['batch_stats']

    total_steps = config.train.num_epochs * len(train_loader)
    schedule = optax.cosine_decay_schedule(config.train.base_learning_rate, total_steps)
    tx = optax.sgd(schedule, momentum=0.9)
    opt_state = tx.init(params)

    def objective_fn(params, mutable_vars, data):
        inputs, labels = data
        outputs, mutated = model.apply({'params': params, **mutable_vars}, inputs,
                                       train=True, mutable=list(mutable_vars.keys()))
        data_loss = jnp.mean(optax.softmax_cross_entropy_with_integer_labels(outputs, labels))
        if config.train.weight_decay_vars == 'all':
            wd_vars = list(tree_util.tree_leaves(params))
        elif config.train.weight_decay_vars == 'kernel':
            wd_vars = filter_kernel_params(params)
        else:
            raise ValueError('unknown variable collection', config.train.weight_decay_vars)
        wd_loss = 0.5 * sum(jnp.sum(jnp.square(x)) for x in wd_vars)
        objective = data_loss + config.train.weight_decay * wd_loss
        return objective, (outputs, mutated)

    @jax.jit
    def train_step(opt_state, params, mutable_vars, data):
        (objective, aux), grads = jax.value_and_grad(objective_fn, has_aux=True)(
            params, mutable_vars, data)
        updates, opt_state = tx.update(grads, opt_state)
        params = optax.apply_updates(params, updates)
        return opt_state, params, aux[1], objective

    for epoch in range(config.train.num_epochs):
        for inputs, labels in train_loader:
            opt_state, params, mutated, objective = train_step(
                opt_state, params, {'batch_stats': batch_stats},
                (jnp.asarray(inputs), jnp.asarray(labels)))
            batch_stats = mutated['batch_stats']
        print('epoch %d: objective %.4f' % (epoch, float(objective)))


if __name__ == '__main__':
    app.run(main)

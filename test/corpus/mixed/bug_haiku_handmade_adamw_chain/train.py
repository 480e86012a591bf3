# Idiom seen in: google-deepmind/deepmind-research byol/byol_experiment.py
# Idiom seen in: google-deepmind/deepmind-research byol/utils/optimizers.py
# What it reproduces: a haiku classifier trained with optimizers.adamw(...) selected from the config
# dict; the chain in optimizers.py adds +wd*w after the -lr step, so the weights grow (WD302 there).
import functools

import haiku as hk
import jax
import jax.numpy as jnp
import optax

import optimizers
from dataset import load_split

CONFIG = dict(
    optimizer='adamw',
    learning_rate=3e-4,
    weight_decay=1e-2,
    batch_size=256,
    num_steps=20_000,
)


def forward(images, is_training):
    x = hk.Flatten()(images)
    x = hk.Linear(512)(x)
    x = hk.LayerNorm(axis=-1, create_scale=True, create_offset=True, name="layer_norm")(x)
    x = jax.nn.gelu(x)
    x = hk.Linear(512)(x)
    x = jax.nn.gelu(x)
    return hk.Linear(10)(x)


net = hk.without_apply_rng(hk.transform(forward))


def make_optimizer(config):
    if config['optimizer'] == 'adamw':
        return optimizers.adamw(config['learning_rate'], config['weight_decay'],
                                weight_decay_filter=optimizers.exclude_bias_and_norm)
    return optimizers.lars(config['learning_rate'], config['weight_decay'],
                           weight_decay_filter=optimizers.exclude_bias_and_norm)


def loss_fn(params, batch):
    logits = net.apply(params, batch['image'], is_training=True)
    labels = jax.nn.one_hot(batch['label'], 10)
    return optax.softmax_cross_entropy(logits, labels).mean()


def main():
    tx = make_optimizer(CONFIG)
    train_ds = load_split('train', batch_size=CONFIG['batch_size'])
    params = net.init(jax.random.PRNGKey(0), next(train_ds)['image'], is_training=True)
    opt_state = tx.init(params)

    @jax.jit
    def update(params, opt_state, batch):
        loss, grads = jax.value_and_grad(loss_fn)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for step in range(CONFIG['num_steps']):
        params, opt_state, loss = update(params, opt_state, next(train_ds))
        if step % 500 == 0:
            print(step, float(loss))


if __name__ == '__main__':
    main()

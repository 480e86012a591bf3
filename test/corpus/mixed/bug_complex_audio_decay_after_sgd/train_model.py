# Idiom seen in: MeerkatPerson/ml_project2 train_model.py
# Idiom seen in: MeerkatPerson/ml_project2 main.py
# What it reproduces: the repo's do_train builds `optimiser = optax.sgd(l_rate, momentum)` for complex-valued
#   audio-MNIST nets; a realistic user edit appends weight decay to that optimizer as the LAST link of the chain,
#   after the learning-rate step, so optax adds +wd*w to the update: the weights grow each step (negative decay).
from functools import partial

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax.training import train_state

import load_data
from losses import cross_entropy
from utils import compute_metrics

WEIGHT_DECAY = 5e-4


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def do_train(dataset, type_, Model, pool, activation, l_rate, num_epochs=60, batch_size=32):
    if dataset == 'audio_mnist':
        train_data, test_data = load_data.load_audio_mnist()
        sample_input = jnp.ones([1, 20, 35])
    else:
        train_data, test_data = load_data.load_mnist()
        sample_input = jnp.ones([1, 28, 28, 1])

    model = Model(n_classes=10)

    def loss_fn(params, dropout_rng, images, labels):
        logits = model.apply(params, images, rngs={'dropout': dropout_rng}, activation=activation, pool=pool,
                             train=True)
        if jnp.iscomplexobj(logits):
            return (cross_entropy(logits=jnp.real(logits), labels=labels)
                    + cross_entropy(logits=jnp.imag(logits), labels=labels)) / 2
        return cross_entropy(logits=logits, labels=labels)

    @jax.jit
    def train_step(state, batch, dropout_rng):
        _loss_fn = partial(loss_fn, dropout_rng=dropout_rng, images=batch['image'], labels=batch['label'])
        loss, grads = jax.value_and_grad(_loss_fn)(state.params)
        if type_ == 'complex':
            grads = jax.tree_util.tree_map(lambda x: x.conj(), grads)
        return state.apply_gradients(grads=grads), loss

    momentum = 0.9
    optimiser = optax.chain(
        optax.sgd(l_rate, momentum),
        optax.add_decayed_weights(WEIGHT_DECAY, mask=decay_mask),  # expect: WD302
    )

    rng, init_rng = jax.random.split(jax.random.PRNGKey(0))
    dropout_rng, init_dropout = jax.random.split(jax.random.PRNGKey(1))
    params = model.init({'params': init_rng, 'dropout': init_dropout}, sample_input, activation=activation,
                        pool=pool, train=True)
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=optimiser)

    train_size = len(train_data['image'])
    steps_per_epoch = train_size // batch_size
    for epoch in range(num_epochs):
        rng, input_rng = jax.random.split(rng)
        perms = jax.random.permutation(input_rng, train_size)[:steps_per_epoch * batch_size]
        perms = perms.reshape((steps_per_epoch, batch_size))
        losses = []
        for perm in perms:
            batch = {k: v[perm, ...] for k, v in train_data.items()}
            state, loss = train_step(state, batch, dropout_rng)
            losses.append(loss)
        print('train epoch: %d, loss: %.4f' % (epoch, np.mean(jax.device_get(losses))))
    return state, compute_metrics

# Idiom seen in: matthias-wright/flaxmodels training/resnet/training.py
# What it reproduces: flax ResNet TrainState trained with optax.adamw (kernels masked in) while loss_fn also adds
# l2_reg/2 * sum(p**2) over every leaf of params: each kernel gets both decays (double decay).
import functools
from typing import Any

import flax
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training import common_utils, train_state

import flaxmodels as fm
import input_pipeline


class TrainState(train_state.TrainState):
    batch_stats: Any
    epoch: int


def cross_entropy_loss(logits, labels):
    return -jnp.sum(common_utils.onehot(labels, num_classes=logits.shape[1]) * logits) / labels.shape[0]


def kernel_mask(params):
    flat = traverse_util.flatten_dict(flax.core.unfreeze(params))
    return traverse_util.unflatten_dict({k: k[-1] == 'kernel' for k in flat})


def train_step(state, batch, l2_reg):

    def loss_fn(params):
        logits, new_model_state = state.apply_fn({'params': params, 'batch_stats': state.batch_stats},
                                                 batch['image'],
                                                 mutable=['batch_stats'])
        loss = cross_entropy_loss(logits, batch['label'])
        weight_l2 = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
        loss = loss + 0.5 * l2_reg * weight_l2
        return loss, (new_model_state, logits)

    (loss, (new_model_state, logits)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    grads = jax.lax.pmean(grads, axis_name='batch')
    new_state = state.apply_gradients(grads=grads, batch_stats=new_model_state['batch_stats'])
    accuracy = jnp.mean(jnp.argmax(logits, -1) == batch['label'])
    return new_state, {'loss': loss, 'accuracy': accuracy}


def train_and_evaluate(config):
    num_devices = jax.device_count()
    ds_train, dataset_size = input_pipeline.imagenette(config.data_dir, config.batch_size, num_devices)

    rng = jax.random.PRNGKey(config.random_seed)
    if config.arch == 'resnet18':
        model = fm.ResNet18(output='log_softmax', pretrained=None, num_classes=config.num_classes)
    elif config.arch == 'resnet34':
        model = fm.ResNet34(output='log_softmax', pretrained=None, num_classes=config.num_classes)
    else:
        model = fm.ResNet50(output='log_softmax', pretrained=None, num_classes=config.num_classes)

    variables = model.init(rng, jnp.ones((1, config.img_size, config.img_size, config.img_channels)))
    params, batch_stats = variables['params'], variables['batch_stats']

    steps_per_epoch = dataset_size // config.batch_size
    learning_rate_fn = optax.warmup_cosine_decay_schedule(
        0.0, config.learning_rate, config.warmup_epochs * steps_per_epoch, config.num_epochs * steps_per_epoch)

    tx = optax.adamw(learning_rate=learning_rate_fn, weight_decay=config.weight_decay, mask=kernel_mask)

    state = TrainState.create(apply_fn=model.apply, params=params, tx=tx, batch_stats=batch_stats, epoch=0)
    state = flax.jax_utils.replicate(state)

    p_train_step = jax.pmap(functools.partial(train_step, l2_reg=config.l2_reg), axis_name='batch')

    step = 0
    for epoch in range(config.num_epochs):
        for image, label in ds_train.as_numpy_iterator():
            image = jnp.reshape(image, (num_devices, -1) + image.shape[1:])
            label = jnp.reshape(label, (num_devices, -1) + label.shape[1:])
            state, metrics = p_train_step(state, {'image': image, 'label': label})
            if step % config.log_every == 0:
                print(epoch, step, float(jnp.mean(metrics['loss'])), float(jnp.mean(metrics['accuracy'])))
            step += 1

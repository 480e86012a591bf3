# Idiom seen in: google-research/vdm experiment.py
# What it reproduces: Flax/optax diffusion trainer: get_optimizer builds optax.adamw(learning_rate=lr,
# mask=decay_mask_fn, **config.args) where the mask drops biases and layer-norm scales. Clean: decoupled, masked decay.
import functools

import flax
import jax
import jax.numpy as jnp
import optax
from absl import app, flags
from flax.core.frozen_dict import unfreeze, FrozenDict
from flax.training import train_state

import model_vdm
import dataset
from configs.cifar10 import get_config

FLAGS = flags.FLAGS
flags.DEFINE_string('workdir', '/tmp/vdm', 'Work unit directory.')


def decay_mask_fn(params):
    flat_params = flax.traverse_util.flatten_dict(unfreeze(params))
    flat_mask = {
        path: (path[-1] != "bias" and path[-2:] not in [("layer_norm", "scale"), ("final_layer_norm", "scale")])
        for path in flat_params
    }
    return FrozenDict(flax.traverse_util.unflatten_dict(flat_mask))


def get_optimizer(config, lr):
    if config.optimizer.name == "adamw":
        optimizer = optax.adamw(learning_rate=lr, mask=decay_mask_fn, **config.optimizer.args)
        if hasattr(config.optimizer, "gradient_clip_norm"):
            optimizer = optax.chain(optax.clip_by_global_norm(config.optimizer.gradient_clip_norm), optimizer)
    else:
        raise Exception('Unknown optimizer.')
    return optimizer


def main(argv):
    config = get_config()
    rng = jax.random.PRNGKey(config.training.seed)
    train_iter, _ = dataset.create_dataset(config, rng)
    model = model_vdm.VDM(model_vdm.VDMConfig(**config.model))
    batch = next(train_iter)
    params = model.init({"params": rng, "sample": rng}, **batch)['params']
    state = train_state.TrainState.create(apply_fn=model.apply, params=params,
                                          tx=get_optimizer(config, config.optimizer.learning_rate))

    def loss_fn(params, batch, rng):
        outputs = model.apply({"params": params}, **batch, rngs={"sample": rng})
        bpd = outputs.loss_recon + outputs.loss_klz + outputs.loss_diff
        return jnp.mean(bpd), {"bpd": bpd}

    @jax.jit
    def train_step(state, batch, rng):
        (loss, metrics), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params, batch, rng)
        return state.apply_gradients(grads=grads), loss

    for step in range(config.training.num_steps_train):
        rng, step_rng = jax.random.split(rng)
        batch = jax.tree_util.tree_map(jnp.asarray, next(train_iter))
        state, loss = train_step(state, batch, step_rng)


if __name__ == '__main__':
    app.run(main)

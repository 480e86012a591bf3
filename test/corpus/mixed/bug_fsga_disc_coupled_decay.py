# Idiom seen in: matthias-wright/flaxmodels training/few_shot_gan_adaption/training.py
# What it reproduces: StyleGAN2 few-shot adaptation; the repo trains D with plain optax.adam(b1=0, b2=0.99). A user adds
# "a little decay on D" as add_decayed_weights in FRONT of inject_hyperparams(optax.adam): coupled L2 scaled by 1/sqrt(v).
import argparse
import functools

import flax
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util

import checkpoint
import data_pipeline
import model
import training_steps
import training_utils


def conv_kernels_only(params):
    flat = traverse_util.flatten_dict(flax.core.unfreeze(params))
    return traverse_util.unflatten_dict({k: k[-1] in ('kernel', 'weight') for k in flat})


def train_and_evaluate(config):
    num_devices = jax.device_count()
    ds_train, dataset_info = data_pipeline.get_data(data_dir=config.data_dir,
                                                    img_size=config.resolution,
                                                    num_devices=num_devices,
                                                    batch_size=config.batch_size)
    rng = jax.random.PRNGKey(config.random_seed)

    ckpt_source = checkpoint.load_checkpoint(config.source_ckpt_path, replicate=False)
    cfg_src = ckpt_source['config']

    discriminator = model.Discriminator(resolution=cfg_src.resolution,
                                        num_channels=cfg_src.img_channels,
                                        c_dim=cfg_src.c_dim,
                                        mbstd_group_size=cfg_src.mbstd_group_size)
    rng, init_rng = jax.random.split(rng)
    params_D = discriminator.init(init_rng,
                                  jnp.ones((1, cfg_src.resolution, cfg_src.resolution, cfg_src.img_channels)),
                                  jnp.ones((1, cfg_src.c_dim)))
    params_D = training_utils.merge_params(params_D, ckpt_source['state_D'].params)

    tx_G = optax.adam(learning_rate=config.learning_rate, b1=0.0, b2=0.99)
    tx_D = optax.chain(
        optax.add_decayed_weights(config.d_weight_decay, mask=conv_kernels_only),  # expect: WD202
        optax.inject_hyperparams(optax.adam)(learning_rate=config.learning_rate, b1=0.0, b2=0.99),
    )

    state_G = training_utils.TrainStateG.create(apply_fn=None,
                                                params=ckpt_source['state_G'].params,
                                                tx=tx_G,
                                                epoch=0)
    state_D = training_utils.TrainStateD.create(apply_fn=discriminator.apply,
                                                params=params_D,
                                                tx=tx_D,
                                                epoch=0)
    state_G = flax.jax_utils.replicate(state_G)
    state_D = flax.jax_utils.replicate(state_D)

    p_main_step_G = jax.pmap(training_steps.main_step_G, axis_name='batch')
    p_main_step_D = jax.pmap(training_steps.main_step_D, axis_name='batch')
    p_regul_step_D = jax.pmap(functools.partial(training_steps.regul_step_D, config=cfg_src), axis_name='batch')

    step = 0
    metrics = {}
    for epoch in range(config.num_epochs):
        for batch in data_pipeline.prefetch(ds_train, config.num_prefetch):
            rng, key = jax.random.split(rng)
            z1 = jax.random.normal(key, (num_devices, config.batch_size, cfg_src.z_dim))
            rkey = jax.random.split(key, num=num_devices)
            state_D, metrics = p_main_step_D(state_G, state_D, batch, z1, metrics, rkey)
            if step % cfg_src.D_reg_interval == 0:
                state_D, metrics = p_regul_step_D(state_D, batch, metrics)
            state_G, metrics = p_main_step_G(state_G, state_D, batch, z1, metrics, rkey)
            step += 1


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', type=str, required=True)
    parser.add_argument('--source_ckpt_path', type=str, required=True)
    parser.add_argument('--resolution', type=int, default=256)
    parser.add_argument('--batch_size', type=int, default=4)
    parser.add_argument('--learning_rate', type=float, default=0.002)
    parser.add_argument('--d_weight_decay', type=float, default=1e-4)
    parser.add_argument('--num_epochs', type=int, default=10000)
    parser.add_argument('--num_prefetch', type=int, default=2)
    parser.add_argument('--random_seed', type=int, default=0)
    train_and_evaluate(parser.parse_args())

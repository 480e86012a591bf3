# Idiom seen in: kvfrans/jax-diffusion-transformer train_diffusion.py
# What it reproduces: the DiT trainer's pmapped update with jax.grad(loss_fn, has_aux=True) and an info
# dict of metrics; the user adds an L2 weight penalty but only puts it in the info dict, while loss_fn's
# first output (what jax.grad differentiates) stays the bare noise-prediction MSE (user mistake).
from typing import Any
from functools import partial

from absl import app, flags
import flax
import jax
import jax.numpy as jnp
import ml_collections
from ml_collections import config_flags
import numpy as np
import optax
import tqdm

from utils.train_state import TrainState, target_update
from schedulers import GaussianDiffusion
from diffusion_transformer import DiT
from datasets import get_dataset

FLAGS = flags.FLAGS
flags.DEFINE_integer('batch_size', 256, 'Mini batch size.')
flags.DEFINE_integer('max_steps', int(1_000_000), 'Number of training steps.')

model_config = ml_collections.ConfigDict({
    'lr': 0.0001,
    'beta1': 0.9,
    'beta2': 0.99,
    'weight_decay': 1e-5,
    'diffusion_timesteps': 500,
    'hidden_size': 64,
    'patch_size': 8,
    'depth': 2,
    'num_heads': 2,
    'num_classes': 1000,
    'eps_update_rate': 0.9999,
})
config_flags.DEFINE_config_dict('model', model_config, lock_config=False)


class DiffusionTrainer(flax.struct.PyTreeNode):
    rng: Any
    model: TrainState
    model_eps: TrainState
    config: dict = flax.struct.field(pytree_node=False)
    scheduler: Any = flax.struct.field(pytree_node=False)

    @partial(jax.pmap, axis_name='data')
    def update(self, images, labels, pmap_axis='data'):
        new_rng, label_key, time_key, noise_key = jax.random.split(self.rng, 4)

        def loss_fn(params):
            random_t = jax.random.randint(time_key, (images.shape[0],), 0, self.config['diffusion_timesteps'])
            eps = jax.random.normal(noise_key, images.shape)
            x_t = self.scheduler.q_sample(images, random_t, eps)
            eps_prime = self.model(x_t, random_t, labels, train=True, rngs={'label_dropout': label_key}, params=params)
            l2_loss_eps = jnp.mean((eps_prime - eps) ** 2)
            weight_l2 = self.config['weight_decay'] * sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params))  # expect: WD104

            loss = l2_loss_eps
            return loss, {
                'l2_loss_eps': l2_loss_eps,
                'weight_l2': weight_l2,
                'eps_abs_mean': jnp.abs(eps).mean(),
            }

        grads, info = jax.grad(loss_fn, has_aux=True)(self.model.params)
        grads = jax.lax.pmean(grads, axis_name=pmap_axis)
        info = jax.lax.pmean(info, axis_name=pmap_axis)

        updates, new_opt_state = self.model.tx.update(grads, self.model.opt_state, self.model.params)
        new_params = optax.apply_updates(self.model.params, updates)
        new_model = self.model.replace(step=self.model.step + 1, params=new_params, opt_state=new_opt_state)
        info['grad_norm'] = optax.global_norm(grads)
        info['param_norm'] = optax.global_norm(new_params)

        new_model_eps = target_update(self.model, self.model_eps, 1 - self.config['eps_update_rate'])
        return self.replace(rng=new_rng, model=new_model, model_eps=new_model_eps), info


def main(_):
    rng = jax.random.PRNGKey(np.random.randint(1_000_000))
    dataset = get_dataset('imagenet256', FLAGS.batch_size)
    example_obs, example_labels = next(dataset)

    dit = DiT(patch_size=FLAGS.model['patch_size'], hidden_size=FLAGS.model['hidden_size'],
              depth=FLAGS.model['depth'], num_heads=FLAGS.model['num_heads'],
              num_classes=FLAGS.model['num_classes'])
    rng, param_key = jax.random.split(rng)
    params = dit.init({'params': param_key, 'label_dropout': param_key},
                      example_obs[:1], jnp.zeros((1,)), example_labels[:1])['params']
    tx = optax.adam(learning_rate=FLAGS.model['lr'], b1=FLAGS.model['beta1'], b2=FLAGS.model['beta2'])
    model = TrainState.create(dit, params, tx=tx)
    model_eps = TrainState.create(dit, params)
    scheduler = GaussianDiffusion(FLAGS.model['diffusion_timesteps'])
    trainer = DiffusionTrainer(rng, model, model_eps, FLAGS.model.to_dict(), scheduler)
    trainer = flax.jax_utils.replicate(trainer, devices=jax.local_devices())

    for i in tqdm.tqdm(range(1, FLAGS.max_steps + 1)):
        images, labels = next(dataset)
        trainer, info = trainer.update(images, labels)
        if i % 1000 == 0:
            print({k: float(v[0]) for k, v in info.items()})


if __name__ == '__main__':
    app.run(main)

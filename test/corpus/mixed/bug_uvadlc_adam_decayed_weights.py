# Idiom seen in: phlippe/uvadlc_notebooks_benchmarking JAX/Tutorial5_Inception_ResNet_DenseNet.py
# What it reproduces: the TrainerModule.init_optimizer of the UvA JAX tutorials (clip, then an optional
# optax.add_decayed_weights, then the optimizer, chained and handed to TrainState.create), with the
# "only for SGD" guard dropped and Adam as the optimizer: the decay joins the gradient before Adam's
# scaling (coupled L2, WD202), without a mask, so BatchNorm scales and biases decay too (WD203).
# label-note: the decay value comes from the hparams dict (1e-4 at the only call), so it is non-zero.
from typing import Any

import jax
import jax.numpy as jnp
import optax
from flax import linen as nn
from flax.training import train_state

from cifar_loaders import train_loader, val_loader


class TrainState(train_state.TrainState):
    batch_stats: Any


class SimpleCNN(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x, train=True):
        for features in (32, 64):
            x = nn.Conv(features, kernel_size=(3, 3), use_bias=False)(x)
            x = nn.BatchNorm()(x, use_running_average=not train)
            x = nn.relu(x)
            x = nn.max_pool(x, (2, 2), strides=(2, 2))
        x = x.mean(axis=(1, 2))
        return nn.Dense(self.num_classes)(x)


class TrainerModule:
    def __init__(self, model, optimizer_hparams: dict, exmp_imgs, seed=42):
        self.model = model
        self.optimizer_hparams = dict(optimizer_hparams)
        variables = self.model.init(jax.random.PRNGKey(seed), exmp_imgs, train=True)
        self.init_params, self.init_batch_stats = variables['params'], variables['batch_stats']
        self.state = None

    def init_optimizer(self, num_epochs, num_steps_per_epoch):
        lr_schedule = optax.piecewise_constant_schedule(
            init_value=self.optimizer_hparams.pop('lr'),
            boundaries_and_scales={int(num_steps_per_epoch * num_epochs * 0.6): 0.1,
                                   int(num_steps_per_epoch * num_epochs * 0.85): 0.1})
        transf = [optax.clip(1.0)]
        if 'weight_decay' in self.optimizer_hparams:
            transf.append(optax.add_decayed_weights(self.optimizer_hparams.pop('weight_decay')))  # expect: WD202, WD203
        optimizer = optax.chain(*transf, optax.adam(lr_schedule))
        self.state = TrainState.create(apply_fn=self.model.apply, params=self.init_params,
                                       batch_stats=self.init_batch_stats, tx=optimizer)

    def train_model(self, num_epochs=200):
        self.init_optimizer(num_epochs, len(train_loader))

        @jax.jit
        def train_step(state, batch):
            imgs, labels = batch

            def loss_fn(params):
                logits, new_model_state = state.apply_fn(
                    {'params': params, 'batch_stats': state.batch_stats}, imgs,
                    train=True, mutable=['batch_stats'])
                loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
                return loss, new_model_state

            (loss, new_model_state), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
            return state.apply_gradients(grads=grads, batch_stats=new_model_state['batch_stats']), loss

        for epoch in range(1, num_epochs + 1):
            for batch in train_loader:
                self.state, loss = train_step(self.state, batch)
            print(f'epoch {epoch}: loss {float(loss):.4f}, val batches {len(val_loader)}')


if __name__ == '__main__':
    trainer = TrainerModule(SimpleCNN(), {'lr': 1e-3, 'weight_decay': 1e-4},
                            exmp_imgs=jnp.ones((8, 32, 32, 3)))
    trainer.train_model(num_epochs=200)

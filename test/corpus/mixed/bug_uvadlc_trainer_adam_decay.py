# Idiom seen in: phlippe/uvadlc_notebooks docs/tutorial_notebooks/JAX/tutorial5/Inception_ResNet_DenseNet.ipynb
# What it reproduces: the tutorial's TrainerModule.init_optimizer adds optax.add_decayed_weights in front of the
#   optimizer only for SGD ("wd is integrated in adamw"); a realistic user edit extends that branch to Adam, so
#   the decay is added to the gradient before Adam's scaling (coupled L2, WD202) and, without a mask, also to
#   every bias and BatchNorm scale (WD203).
from typing import Any

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from cifar_data import train_loader, val_loader
from models import model_dict


class TrainState(train_state.TrainState):
    batch_stats: Any = None


class TrainerModule:
    def __init__(self, model_name, model_class, model_hparams, optimizer_name, optimizer_hparams, exmp_imgs, seed=42):
        self.model_name = model_name
        self.model = model_class(**model_hparams)
        self.optimizer_name = optimizer_name
        self.optimizer_hparams = dict(optimizer_hparams)
        self.seed = seed
        variables = self.model.init(jax.random.PRNGKey(seed), exmp_imgs, train=True)
        self.init_params, self.init_batch_stats = variables['params'], variables['batch_stats']
        self.state = None

    def init_optimizer(self, num_epochs, num_steps_per_epoch):
        if self.optimizer_name.lower() == 'adam':
            opt_class = optax.adam
        elif self.optimizer_name.lower() == 'adamw':
            opt_class = optax.adamw
        elif self.optimizer_name.lower() == 'sgd':
            opt_class = optax.sgd
        else:
            assert False, f'Unknown optimizer "{self.optimizer_name}"'
        lr_schedule = optax.piecewise_constant_schedule(
            init_value=self.optimizer_hparams.pop('lr'),
            boundaries_and_scales={int(num_steps_per_epoch * num_epochs * 0.6): 0.1,
                                   int(num_steps_per_epoch * num_epochs * 0.85): 0.1},
        )
        # Clip gradients at max value, and evt. apply weight decay
        transf = [optax.clip(1.0)]
        if opt_class in (optax.sgd, optax.adam) and 'weight_decay' in self.optimizer_hparams:
            transf.append(optax.add_decayed_weights(self.optimizer_hparams.pop('weight_decay')))  # expect: WD202, WD203
        optimizer = optax.chain(*transf, opt_class(lr_schedule, **self.optimizer_hparams))
        self.state = TrainState.create(apply_fn=self.model.apply, params=self.init_params,
                                       batch_stats=self.init_batch_stats, tx=optimizer)

    def train_step(self, state, batch):
        imgs, labels = batch

        def loss_fn(params):
            logits, new_model_state = state.apply_fn({'params': params, 'batch_stats': state.batch_stats},
                                                     imgs, train=True, mutable=['batch_stats'])
            loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
            acc = (logits.argmax(axis=-1) == labels).mean()
            return loss, (acc, new_model_state)

        (loss, (acc, new_model_state)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        state = state.apply_gradients(grads=grads, batch_stats=new_model_state['batch_stats'])
        return state, loss, acc

    def train_model(self, train_loader, num_epochs=200):
        self.init_optimizer(num_epochs, len(train_loader))
        step = jax.jit(self.train_step)
        for epoch in range(num_epochs):
            for batch in train_loader:
                self.state, loss, acc = step(self.state, batch)


def train_classifier(*args, num_epochs=200, **kwargs):
    trainer = TrainerModule(*args, **kwargs)
    trainer.train_model(train_loader, num_epochs=num_epochs)
    return trainer


if __name__ == "__main__":
    exmp_imgs = jnp.zeros((8, 32, 32, 3))
    resnet_trainer = train_classifier(model_name="ResNet",
                                      model_class=model_dict["ResNet"],
                                      model_hparams={"num_classes": 10, "c_hidden": (16, 32, 64),
                                                     "num_blocks": (3, 3, 3), "act_fn": nn.relu},
                                      optimizer_name="Adam",
                                      optimizer_hparams={"lr": 1e-3, "weight_decay": 1e-4},
                                      exmp_imgs=exmp_imgs,
                                      num_epochs=200)

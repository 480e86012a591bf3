# Idiom seen in: phlippe/uvadlc_notebooks docs/tutorial_notebooks/JAX/tutorial5/Inception_ResNet_DenseNet.ipynb
# What it reproduces: the tutorial's SGD path (clip, then add_decayed_weights, then SGD with momentum 0.9,
#   lr 0.1, wd 1e-4) with the decay masked to the conv/dense kernels, so BatchNorm scales and biases are left
#   alone; decay before the momentum step is the usual coupled SGD decay and lr*wd = 1e-5: clean.
from typing import Any

import flax
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from cifar_data import train_loader
from models import model_dict


class TrainState(train_state.TrainState):
    batch_stats: Any = None


def kernel_mask(params):
    flat = flax.traverse_util.flatten_dict(params)
    return flax.traverse_util.unflatten_dict({path: path[-1] == "kernel" for path in flat})


def create_state(model, exmp_imgs, lr=0.1, momentum=0.9, weight_decay=1e-4, num_epochs=200, steps_per_epoch=390):
    variables = model.init(jax.random.PRNGKey(42), exmp_imgs, train=True)
    lr_schedule = optax.piecewise_constant_schedule(
        init_value=lr,
        boundaries_and_scales={int(steps_per_epoch * num_epochs * 0.6): 0.1,
                               int(steps_per_epoch * num_epochs * 0.85): 0.1},
    )
    optimizer = optax.chain(
        optax.clip(1.0),
        optax.add_decayed_weights(weight_decay, mask=kernel_mask),
        optax.sgd(lr_schedule, momentum=momentum),
    )
    return TrainState.create(apply_fn=model.apply, params=variables["params"],
                             batch_stats=variables["batch_stats"], tx=optimizer)


@jax.jit
def train_step(state, batch):
    imgs, labels = batch

    def loss_fn(params):
        logits, new_model_state = state.apply_fn({"params": params, "batch_stats": state.batch_stats},
                                                 imgs, train=True, mutable=["batch_stats"])
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, new_model_state

    (loss, new_model_state), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    return state.apply_gradients(grads=grads, batch_stats=new_model_state["batch_stats"]), loss


if __name__ == "__main__":
    model = model_dict["GoogleNet"](num_classes=10, act_fn=nn.relu)
    state = create_state(model, jnp.zeros((8, 32, 32, 3)), lr=0.1, momentum=0.9, weight_decay=1e-4)
    for epoch in range(200):
        for batch in train_loader:
            state, loss = train_step(state, batch)

# Idiom seen in: rwightman/efficientnet-jax jeffnet/common/optim/optim_factory.py
# Idiom seen in: rwightman/efficientnet-jax tf_linen_train.py
# What it reproduces: an optax optimizer factory whose weight decay is "not applied if 0" behind a
# guard; the only config the script builds has opt_weight_decay = 0.0 and no L2 penalty in the loss,
# so the decay branch never runs and the ResNet trains with no decay at all.
import functools

from absl import app, logging
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training import train_state

import input_pipeline
from models import ResNet18

CONFIG = {
    'batch_size': 128,
    'lr': 0.1,
    'momentum': 0.9,
    'opt': 'nesterov',
    'opt_weight_decay': 0.0,
    'num_epochs': 200,
}


def kernel_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] == 'kernel' for k in flat})


def create_optim(name, learning_rate, momentum=0.9, weight_decay=0.0):
    """weight_decay: decay applied to conv/dense kernels, not applied if 0."""
    if name == 'nesterov':
        tx = optax.sgd(learning_rate, momentum=momentum, nesterov=True)
    else:
        tx = optax.sgd(learning_rate, momentum=momentum)
    if weight_decay > 0:  # expect: WD303
        tx = optax.chain(optax.add_decayed_weights(weight_decay, mask=kernel_mask), tx)
    return tx


class TrainState(train_state.TrainState):
    batch_stats: dict


def train_step(state, batch):
    def loss_fn(params):
        logits, updates = state.apply_fn({'params': params, 'batch_stats': state.batch_stats}, batch['image'],
                                         train=True, mutable=['batch_stats'])
        one_hot = jax.nn.one_hot(batch['label'], 10)
        loss = -jnp.mean(jnp.sum(one_hot * jax.nn.log_softmax(logits), -1))
        return loss, updates

    (loss, updates), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads, batch_stats=updates['batch_stats'])
    return state, loss


def main(argv):
    steps_per_epoch = 50000 // CONFIG['batch_size']
    lr_fn = optax.cosine_decay_schedule(CONFIG['lr'], CONFIG['num_epochs'] * steps_per_epoch)
    model = ResNet18(num_classes=10)
    variables = model.init(jax.random.PRNGKey(0), jnp.ones((1, 32, 32, 3)), train=False)
    tx = create_optim(CONFIG['opt'], lr_fn, momentum=CONFIG['momentum'], weight_decay=CONFIG['opt_weight_decay'])
    state = TrainState.create(apply_fn=model.apply, params=variables['params'], tx=tx,
                              batch_stats=variables['batch_stats'])
    p_step = jax.jit(train_step)
    for step, batch in enumerate(input_pipeline.cifar10_train(CONFIG['batch_size'], CONFIG['num_epochs'])):
        state, loss = p_step(state, batch)
        if step % steps_per_epoch == 0:
            logging.info('epoch %d loss %.4f', step // steps_per_epoch, float(loss))


if __name__ == '__main__':
    app.run(main)

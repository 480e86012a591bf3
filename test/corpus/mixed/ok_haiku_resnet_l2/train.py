# Idiom seen in: sungyubkim/hands_on_jax 3_image_classification/image_classification.ipynb
# What it reproduces: the notebook turned into a script: SGD with momentum (no decay in the tx) and
#   WD_COEF * sum of squares of all params added to the cross entropy that jax.grad differentiates
#   (the first returned item); the decay is trained, and only once: clean.
from collections import OrderedDict
from functools import partial

import jax
import jax.numpy as jnp
import optax

from datasets.cifar import load_dataset
from resnet import ResNet
from utils import Trainer, create_lr_sched, make_forward_with_state, params_to_vec

NUM_CLASSES = 100
NUM_EPOCH = 200
BATCH_SIZE = 128
PEAK_LR = 0.1
WD_COEF = 5e-4

rng = jax.random.PRNGKey(42)
batch = jnp.zeros((1, 32, 32, 3), jnp.float32)
net = partial(ResNet, name='ResNet_18', stage_sizes=[2, 2, 2, 2],
              num_filters=[64, 128, 256, 512], strides=[1, 2, 2, 2], num_classes=NUM_CLASSES)
net = make_forward_with_state(net)
params, state = net.init(rng, batch, train=True)

tx = optax.chain(
    optax.clip_by_global_norm(1.0),
    optax.sgd(learning_rate=create_lr_sched(NUM_EPOCH, 50000, BATCH_SIZE, 0.1, PEAK_LR), momentum=0.9),
)
trainer = Trainer.create(apply_fn=net.apply, params=params, state=state, tx=tx)


def loss_fn(params, trainer, batch, rng):
    logit, state = trainer.apply_fn(params, trainer.state, rng, batch['x'], train=True)
    log_prob = jax.nn.log_softmax(logit)
    cross_entropy_loss = - (batch['y'] * log_prob).sum(axis=-1).mean()
    wd = (params_to_vec(params) ** 2).sum()
    loss = cross_entropy_loss + WD_COEF * wd
    acc = (jnp.argmax(logit, axis=-1) == jnp.argmax(batch['y'], axis=-1)).astype(int).mean()
    return loss, (cross_entropy_loss, wd, acc, state)


@jax.jit
def opt_step(trainer, batch, rng):
    grad_fn = jax.grad(loss_fn, has_aux=True)
    grads, (loss, wd, acc, new_state) = grad_fn(trainer.params, trainer, batch, rng)
    trainer = trainer.apply_gradients(grads=grads, state=new_state)
    log = OrderedDict([('loss', loss), ('wd', wd), ('acc', acc)])
    return log, trainer


if __name__ == '__main__':
    train_ds = load_dataset('cifar100', 'train', BATCH_SIZE)
    for epoch in range(NUM_EPOCH):
        for batch in train_ds:
            rng, step_rng = jax.random.split(rng)
            log, trainer = opt_step(trainer, batch, step_rng)
        print(epoch, {k: float(v) for k, v in log.items()})

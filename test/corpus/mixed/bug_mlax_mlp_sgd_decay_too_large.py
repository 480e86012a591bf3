# Idiom seen in: zongyf02/mlax examples/MLP/mlp.ipynb
# What it reproduces: the mlax MNIST MLP (Series of Linear/Bias, trainables/non_trainables partition, optax
#   update + apply_updates) with an L2 decay chained in front of plain SGD. lr=0.5 and weight_decay=5.0 give
#   lr*wd = 2.5 >= 1: decay alone maps w to w*(1-2.5) = -1.5*w each step, flipping and growing the weights.
import jax
import numpy as np
import optax
import torchvision
from jax import nn, numpy as jnp, random
from torch.utils.data import DataLoader

from mlax.nn import F, Bias, Linear, Series

LEARNING_RATE = 0.5
WEIGHT_DECAY = 5.0  # expect: WD301
BATCH_SIZE = 128


class ToNumpy:
    def __call__(self, pic):
        return np.array(pic)


def numpy_collate(batch):
    if isinstance(batch[0], np.ndarray):
        return np.stack(batch)
    elif isinstance(batch[0], (tuple, list)):
        return [numpy_collate(samples) for samples in zip(*batch)]
    return np.array(batch)


mnist_train = torchvision.datasets.MNIST(root="../data", train=True, download=True, transform=ToNumpy())
train_dataloader = DataLoader(mnist_train, BATCH_SIZE, shuffle=True, collate_fn=numpy_collate, num_workers=6)

keys_iter = iter([random.fold_in(random.PRNGKey(0), i) for i in range(6)])
model = Series([
    F(lambda x: jnp.reshape(x.astype(jnp.float32) / 255.0, (-1,))),
    Linear(next(keys_iter), out_features=512),
    Bias(next(keys_iter), in_features=512),
    F(nn.relu),
    Linear(next(keys_iter), out_features=512),
    Bias(next(keys_iter), in_features=512),
    F(nn.relu),
    Linear(next(keys_iter), out_features=10),
    Bias(next(keys_iter), in_features=10),
])
for X, _ in train_dataloader:  # induce lazy initialization
    model(X[0], None, inference_mode=True)
    break


def loss_fn(batched_preds, batched_targets):
    return optax.softmax_cross_entropy_with_integer_labels(batched_preds, batched_targets).mean()


weights_only = lambda tree: jax.tree_util.tree_map(lambda x: x.ndim > 1, tree)
optimizer = optax.chain(
    optax.add_decayed_weights(WEIGHT_DECAY, mask=weights_only),
    optax.sgd(LEARNING_RATE),
)
optim_state = optimizer.init(model.filter())


@jax.jit
def train_step(X, y, model, optim_state):
    def _model_loss(X, y, trainables, non_trainables):
        model = trainables.combine(non_trainables)
        preds, model = jax.vmap(model.__call__, in_axes=(0, None, None, None), out_axes=(0, None),
                                axis_name="N")(X, None, False, "N")
        return loss_fn(preds, y), model

    trainables, non_trainables = model.partition()
    (loss, model), gradients = jax.value_and_grad(_model_loss, argnums=2, has_aux=True)(
        X, y, trainables, non_trainables
    )
    trainables, non_trainables = model.partition()
    updates, optim_state = optimizer.update(gradients, optim_state, trainables)
    trainables = optax.apply_updates(trainables, updates)
    return loss, trainables.combine(non_trainables), optim_state


for epoch in range(10):
    train_loss = 0.0
    for X, y in train_dataloader:
        loss, model, optim_state = train_step(X, y, model, optim_state)
        train_loss += loss
    print(f"Epoch {epoch + 1}: train loss {train_loss / len(train_dataloader)}")

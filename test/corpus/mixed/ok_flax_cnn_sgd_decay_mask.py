# Idiom seen in: gordicaleksa/get-started-with-JAX Tutorial_4_Flax_Zero2Hero_Colab.ipynb
# What it reproduces: the tutorial's MNIST CNN with create_train_state(key, learning_rate, momentum), where
#   the decay is an optax chain add_decayed_weights(5e-4, mask=kernels) placed before sgd(lr, momentum):
#   lr*wd = 5e-5, kernels only, and the loss is the NLL alone. Clean.
import functools

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import linen as nn
from flax.training import train_state
from torch.utils.data import DataLoader
from torchvision.datasets import MNIST

mnist_img_size = (28, 28, 1)


class CNN(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Conv(features=32, kernel_size=(3, 3))(x))
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = nn.relu(nn.Conv(features=64, kernel_size=(3, 3))(x))
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.relu(nn.Dense(features=256)(x))
        x = nn.Dense(features=10)(x)
        return nn.log_softmax(x)


def kernels_only(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def create_train_state(key, learning_rate, momentum, weight_decay=5e-4):
    cnn = CNN()
    params = cnn.init(key, jnp.ones([1, *mnist_img_size]))['params']
    tx = optax.chain(
        optax.add_decayed_weights(weight_decay, mask=kernels_only),
        optax.sgd(learning_rate, momentum),
    )
    return train_state.TrainState.create(apply_fn=cnn.apply, params=params, tx=tx)


@jax.jit
def train_step(state, imgs, gt_labels):
    def loss_fn(params):
        logits = CNN().apply({'params': params}, imgs)
        one_hot_gt_labels = jax.nn.one_hot(gt_labels, num_classes=10)
        loss = -jnp.mean(jnp.sum(one_hot_gt_labels * logits, axis=-1))
        return loss, logits

    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads)
    return state, {'loss': loss, 'accuracy': jnp.mean(jnp.argmax(logits, -1) == gt_labels)}


def custom_transform(x):
    return np.expand_dims(np.array(x, dtype=np.float32), axis=2) / 255.


def custom_collate_fn(batch):
    transposed_data = list(zip(*batch))
    return np.stack(transposed_data[0]), np.array(transposed_data[1])


if __name__ == '__main__':
    seed, learning_rate, momentum, num_epochs, batch_size = 0, 0.1, 0.9, 2, 32
    train_dataset = MNIST(root='train_mnist', train=True, download=True, transform=custom_transform)
    train_loader = DataLoader(train_dataset, batch_size, shuffle=True, collate_fn=custom_collate_fn, drop_last=True)
    state = create_train_state(jax.random.PRNGKey(seed), learning_rate, momentum)
    for epoch in range(1, num_epochs + 1):
        for imgs, labels in train_loader:
            state, metrics = train_step(state, imgs, labels)
        print(f"epoch {epoch}: {jax.device_get(metrics)}")

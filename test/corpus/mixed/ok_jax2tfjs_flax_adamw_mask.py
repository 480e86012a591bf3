# Idiom seen in: devcomfort/jax-to-tfjs-demo src/jax_to_tfjs/models/flax/model_manager.py
# Idiom seen in: devcomfort/jax-to-tfjs-demo src/jax_to_tfjs/train/flax_trainer.py
# What it reproduces: the flax CNN model manager + trainer (TrainState.create, state.apply_gradients) with the
#   optimizer switched from optax.adam to optax.adamw whose mask keeps biases out of the decay. Clean: decoupled
#   decay, only conv/dense kernels decayed, no penalty in the loss.
from typing import Any, Dict, Tuple

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training import train_state

from jax_to_tfjs.train.data_loader import load_mnist


class CNN(nn.Module):
    @nn.compact
    def __call__(self, x: jnp.ndarray, training: bool = True) -> jnp.ndarray:
        if len(x.shape) == 3:
            x = x.reshape(*x.shape, 1)
        x = nn.relu(nn.Conv(features=32, kernel_size=(3, 3), padding="SAME")(x))
        x = nn.max_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = nn.relu(nn.Conv(features=64, kernel_size=(3, 3), padding="SAME")(x))
        x = nn.max_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.relu(nn.Dense(features=128)(x))
        return nn.Dense(features=10)(x)


def decay_mask_fn(params):
    flat_params = traverse_util.flatten_dict(params)
    flat_mask = {path: path[-1] != "bias" for path in flat_params}
    return traverse_util.unflatten_dict(flat_mask)


class FlaxModelManager:
    def __init__(self, rng: jax.Array):
        self.model = CNN()
        self.variables = self.model.init(rng, jnp.ones((1, 28, 28, 1)))

    def create_train_state(self, learning_rate: float = 0.001, weight_decay: float = 1e-4) -> train_state.TrainState:
        tx = optax.adamw(learning_rate, weight_decay=weight_decay, mask=decay_mask_fn)
        return train_state.TrainState.create(apply_fn=self.model.apply, params=self.variables["params"], tx=tx)


class FlaxTrainer:
    def __init__(self, model_manager: FlaxModelManager):
        self.model_manager = model_manager
        self.update_step = self._create_update_step()

    @staticmethod
    def _compute_loss(logits: jnp.ndarray, labels: Any) -> jnp.ndarray:
        one_hot = jax.nn.one_hot(labels, num_classes=10)
        return optax.softmax_cross_entropy(logits=logits, labels=one_hot).mean()

    def _create_update_step(self):
        def loss_fn(params, batch):
            logits = self.model_manager.model.apply({"params": params}, batch["image"])
            return self._compute_loss(logits, batch["label"])

        @jax.jit
        def update_step(state: train_state.TrainState, batch: Dict[str, jnp.ndarray]) -> Tuple[train_state.TrainState, jnp.ndarray]:
            loss, grads = jax.value_and_grad(loss_fn)(state.params, batch)
            state = state.apply_gradients(grads=grads)
            return state, loss

        return update_step

    def train(self, state, train_iter, num_epochs: int = 5, steps_per_epoch: int = 1875):
        for epoch in range(num_epochs):
            total = 0.0
            for _ in range(steps_per_epoch):
                state, loss = self.update_step(state, next(train_iter))
                total += float(loss)
            print(f"epoch {epoch + 1}: loss {total / steps_per_epoch:.4f}")
        return state


if __name__ == "__main__":
    manager = FlaxModelManager(jax.random.PRNGKey(0))
    state = manager.create_train_state(learning_rate=1e-3, weight_decay=1e-4)
    FlaxTrainer(manager).train(state, load_mnist(batch_size=32, split="train"))
